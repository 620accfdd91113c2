using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// The client's log messages. None takes a header or a body: the API key can never reach a log from here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Operation}: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Completed(ILogger logger, string operation, string method, string? path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Warning, "{Operation}: {Method} {Path} failed with {StatusCode} ({ErrorCode}) in {ElapsedMilliseconds:0.0} ms, request id {RequestId}")]
    public static partial void Failed(ILogger logger, string operation, string method, string? path, int statusCode, string? errorCode, double elapsedMilliseconds, string? requestId);

    [LoggerMessage(3, LogLevel.Warning, "{Operation}: no answer after {ElapsedMilliseconds:0.0} ms (timeout: {IsTimeout})")]
    public static partial void TransportFailed(ILogger logger, string operation, double elapsedMilliseconds, bool isTimeout, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "{Method} {Path}: attempt {Attempt} answered {StatusCode}; retrying in {DelayMilliseconds:0} ms")]
    public static partial void RetryingAfterStatus(ILogger logger, string method, string? path, int attempt, int statusCode, double delayMilliseconds);

    [LoggerMessage(5, LogLevel.Information, "{Method} {Path}: attempt {Attempt} failed ({Failure}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void RetryingAfterFailure(ILogger logger, string method, string? path, int attempt, string failure, double delayMilliseconds);

    [LoggerMessage(6, LogLevel.Debug, "GET {Path}: not modified, answered from the kept response")]
    public static partial void ServedFromCache(ILogger logger, string path);

    [LoggerMessage(7, LogLevel.Debug, "{Operation}: cancelled by the caller after {ElapsedMilliseconds:0.0} ms")]
    public static partial void Cancelled(ILogger logger, string operation, double elapsedMilliseconds);
}
