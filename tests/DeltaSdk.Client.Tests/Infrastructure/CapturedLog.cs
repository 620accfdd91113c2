using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Tests.Infrastructure;

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string State, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category} [{EventId}] {Message} | {State} | {Exception}";
}
