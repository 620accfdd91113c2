using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Checks the <c>X-Api-Key</c> header of write requests against the configured keys. Keys are held only as SHA-256
/// digests and compared in constant time; neither a key nor its digest is ever logged.
/// </summary>
internal sealed partial class ApiKeyAuthorizer
{
    public const string HeaderName = "X-Api-Key";

    private readonly (byte[] Digest, bool CanWrite)[] _keys;
    private readonly ILogger<ApiKeyAuthorizer> _logger;

    public ApiKeyAuthorizer(IOptions<DeltaServerOptions> options, ILogger<ApiKeyAuthorizer> logger)
    {
        _keys = [.. options.Value.ApiKeys.Select(static k => (Digest(k.Key), k.CanWrite))];
        _logger = logger;
    }

    /// <summary>Authorizes a write; returns the problem to send when refused, or null with the caller's scope for idempotency keys.</summary>
    public ProblemResult? AuthorizeWrite(HttpContext context, out string callerScope)
    {
        callerScope = string.Empty;
        var presented = context.Request.Headers[HeaderName];
        if (presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            LogMissingKey(_logger, context.Request.Method, context.Request.Path.Value);
            return Unauthorized($"Send an API key with write rights in the {HeaderName} header.");
        }

        var digest = Digest(presented[0]!);
        var match = -1;
        for (var i = 0; i < _keys.Length; i++)
        {
            // Visit every key whatever matches, so that timing says nothing about which key is close.
            if (CryptographicOperations.FixedTimeEquals(digest, _keys[i].Digest))
            {
                match = i;
            }
        }

        if (match < 0)
        {
            LogUnknownKey(_logger, context.Request.Method, context.Request.Path.Value);
            return Unauthorized($"The API key in the {HeaderName} header is not valid.");
        }

        if (!_keys[match].CanWrite)
        {
            LogReadOnlyKey(_logger, context.Request.Method, context.Request.Path.Value);
            return new ProblemResult(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "The API key may read but not write.");
        }

        callerScope = "key" + match.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    private static ProblemResult Unauthorized(string detail)
    {
        var problem = new ProblemResult(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, detail);
        problem.Headers["WWW-Authenticate"] = "ApiKey header=\"" + HeaderName + "\"";
        return problem;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: no API key.")]
    private static partial void LogMissingKey(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: unknown API key (redacted).")]
    private static partial void LogUnknownKey(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the API key (redacted) has no write rights.")]
    private static partial void LogReadOnlyKey(ILogger logger, string method, string? path);
}
