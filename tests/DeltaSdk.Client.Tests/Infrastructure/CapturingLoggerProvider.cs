using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry of every category at every level, with its message, its structured values and its
/// exception, so that a test can search the lot for a secret.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Everything captured, as one string: messages, structured values, scopes and exceptions.</summary>
    public string Dump() => string.Join(Environment.NewLine, _entries.Select(static e => e.ToString()));

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new CapturedLog(category, LogLevel.None, new EventId(0, "scope"), Describe(state), string.Empty, null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), Describe(state), exception));

        private static string Describe<TState>(TState state)
            => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(static v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? string.Empty;
    }
}
