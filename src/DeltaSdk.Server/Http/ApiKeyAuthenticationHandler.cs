using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The <see cref="SchemeName"/> authentication scheme: the <c>X-Api-Key</c> header against <see cref="ApiKeyRing"/>.
/// A request without the header is anonymous (reads need no key); the write endpoints require <see cref="WritePolicy"/>,
/// so a missing or unknown key is challenged (401 with <c>WWW-Authenticate</c> and a problem document) and a key
/// without write rights is forbidden (403). No key, digest or claim value derived from one is ever logged.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "DeltaApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string WritePolicy = "DeltaWriter";

    /// <summary>The claim a key with write rights carries; <see cref="WritePolicy"/> requires it.</summary>
    public const string RightClaim = "deltasdk:right";
    public const string WriteRight = "write";

    /// <summary>Adds the policy of the write endpoints: an authenticated key of this scheme with write rights.</summary>
    public static void AddWritePolicy(AuthorizationOptions authorization)
        => authorization.AddPolicy(WritePolicy, static policy => policy
            .AddAuthenticationSchemes(SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(RightClaim, WriteRight));

    /// <summary>The caller's identity for idempotency keys: which configured key it used ("key0", "key1", ...).</summary>
    public static string CallerScope(HttpContext context)
        => context.User.FindFirst(ClaimTypes.NameIdentifier) is { Issuer: var issuer, Value: var value } && issuer == SchemeName
            ? value
            : throw new InvalidOperationException($"A write endpoint ran without the {WritePolicy} policy's authentication.");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName];
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {HeaderName} header must hold one key."));
        }

        if (keys.Find(presented[0]!) is not { } key)
        {
            LogUnknownKey(Logger, Request.Method, Request.Path.Value);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key (redacted)."));
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, "key" + key.Index.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.String, SchemeName)];
        if (key.CanWrite)
        {
            claims.Add(new Claim(RightClaim, WriteRight, ClaimValueTypes.String, SchemeName));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Request.Headers.ContainsKey(HeaderName);
        if (!presented)
        {
            LogMissingKey(Logger, Request.Method, Request.Path.Value);
        }

        var problem = new ProblemResult(
            StatusCodes.Status401Unauthorized,
            ProblemCodes.Unauthorized,
            presented ? $"The API key in the {HeaderName} header is not valid." : $"Send an API key with write rights in the {HeaderName} header.");
        problem.Headers["WWW-Authenticate"] = "ApiKey header=\"" + HeaderName + "\"";
        return problem.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        LogReadOnlyKey(Logger, Request.Method, Request.Path.Value);
        return new ProblemResult(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "The API key may read but not write.").ExecuteAsync(Context);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: no API key.")]
    private static partial void LogMissingKey(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: unknown API key (redacted).")]
    private static partial void LogUnknownKey(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the API key (redacted) has no write rights.")]
    private static partial void LogReadOnlyKey(ILogger logger, string method, string? path);
}
