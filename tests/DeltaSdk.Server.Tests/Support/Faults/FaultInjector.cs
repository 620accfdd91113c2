using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Tests.Support.Faults;

/// <summary>
/// A testing aid, never part of the server: makes the next requests to a path fail, wait, or lose their connection,
/// so that client tests can exercise retries, timeouts and idempotent replays against the real server, and records
/// what arrived. Install it with <see cref="Install"/> as <c>PlanServerHost.StartAsync(..., configureApp: faults.Install)</c>.
/// </summary>
/// <remarks>
/// One copy, in tests/DeltaSdk.Server.Tests/Support/Faults, compiled into each test project that needs it (linked
/// source), so that the server assembly ships no testing code. Thread-safe.
/// </remarks>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];
    private readonly List<ObservedRequest> _requests = [];

    /// <summary>Gets the requests received so far (since the last <see cref="Reset"/>), oldest first.</summary>
    public IReadOnlyList<ObservedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Adds the fault middleware to a server's pipeline (the <c>configureApp</c> hook of <c>PlanServerHost</c>).</summary>
    /// <param name="app">The application builder.</param>
    public void Install(IApplicationBuilder app) => app.UseMiddleware<FaultInjectionMiddleware>(this);

    /// <summary>Makes the next <paramref name="count"/> matching requests fail with <paramref name="statusCode"/>.</summary>
    /// <param name="pathPrefix">The start of the paths to match, for example <c>/v1/plans</c> (case-insensitive).</param>
    /// <param name="count">How many requests to fail, at least 1.</param>
    /// <param name="statusCode">The status to answer with, for example 503.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to send (whole seconds, rounded up), if any.</param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    public void FailNext(string pathPrefix, int count, int statusCode, TimeSpan? retryAfter = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Arm(new Rule(FaultKind.Fail, pathPrefix, method, count) { StatusCode = statusCode, RetryAfter = retryAfter });
    }

    /// <summary>Makes the next <paramref name="count"/> matching requests wait <paramref name="delay"/> before being handled.</summary>
    /// <param name="pathPrefix">The start of the paths to match (case-insensitive).</param>
    /// <param name="count">How many requests to delay, at least 1.</param>
    /// <param name="delay">How long to wait.</param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    public void DelayNext(string pathPrefix, int count, TimeSpan delay, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Arm(new Rule(FaultKind.Delay, pathPrefix, method, count) { Delay = delay });
    }

    /// <summary>Makes the next <paramref name="count"/> matching requests lose their connection (<see cref="HttpContext.Abort"/>).</summary>
    /// <param name="pathPrefix">The start of the paths to match (case-insensitive).</param>
    /// <param name="count">How many requests to abort, at least 1.</param>
    /// <param name="afterHandling">
    /// <see langword="true"/> to handle the request first (so a write is made) and drop only the response, as when a
    /// network fails on the way back; <see langword="false"/> to drop it unhandled.
    /// </param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    public void AbortNext(string pathPrefix, int count, bool afterHandling = false, string? method = null)
        => Arm(new Rule(afterHandling ? FaultKind.AbortAfterHandling : FaultKind.Abort, pathPrefix, method, count));

    /// <summary>Counts the received requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    /// <param name="pathPrefix">The start of the paths to count (case-insensitive).</param>
    /// <param name="method">The HTTP method to count, or <see langword="null"/> for any.</param>
    /// <returns>The number of such requests since the last <see cref="Reset"/>.</returns>
    public int CountRequests(string pathPrefix, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        lock (_gate)
        {
            return _requests.Count(r => Matches(r.Method, r.Path, pathPrefix, method));
        }
    }

    /// <summary>Disarms every pending fault and forgets the received requests.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rules.Clear();
            _requests.Clear();
        }
    }

    /// <summary>Records the request and takes the first armed fault that matches it, if any.</summary>
    internal Fault? Take(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        lock (_gate)
        {
            _requests.Add(new ObservedRequest
            {
                Method = request.Method,
                Path = path,
                Query = request.QueryString.Value ?? string.Empty,
                IdempotencyKey = Header(request, "Idempotency-Key"),
                IfMatch = Header(request, "If-Match"),
                ClientRequestId = Header(request, "X-Request-Id"),
                HasApiKey = request.Headers.ContainsKey("X-Api-Key"),
                ReceivedAt = DateTimeOffset.UtcNow,
            });

            var rule = _rules.Find(r => Matches(request.Method, path, r.PathPrefix, r.Method));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return new Fault(rule.Kind, rule.StatusCode, rule.RetryAfter, rule.Delay);
        }
    }

    private void Arm(Rule rule)
    {
        ArgumentException.ThrowIfNullOrEmpty(rule.PathPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Remaining, 1);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private static string? Header(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    private static bool Matches(string requestMethod, string path, string prefix, string? method)
        => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase));

    internal sealed record Fault(FaultKind Kind, int StatusCode, TimeSpan? RetryAfter, TimeSpan Delay);

    private sealed class Rule(FaultKind kind, string pathPrefix, string? method, int count)
    {
        public FaultKind Kind { get; } = kind;

        public string PathPrefix { get; } = pathPrefix;

        public string? Method { get; } = method;

        public int Remaining { get; set; } = count;

        public int StatusCode { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public TimeSpan Delay { get; init; }
    }
}
