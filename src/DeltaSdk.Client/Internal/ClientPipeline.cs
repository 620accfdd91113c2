using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// The client's handler chain built by hand, for <see cref="DeltaClient"/> created with <c>new</c>; the DI registration
/// builds the same chain, in the same order, through <c>IHttpClientBuilder</c>.
/// </summary>
internal static class ClientPipeline
{
    /// <summary>How long a pooled connection lives, so that DNS changes are picked up without handler rotation.</summary>
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Creates the transport the DI registration also uses when none is given.</summary>
    internal static SocketsHttpHandler CreateTransport() => new() { PooledConnectionLifetime = PooledConnectionLifetime };

    /// <summary>API key outermost, then conditional GET, then the resilience pipeline right above the transport (each attempt revalidates once).</summary>
    internal static HttpClient CreateHttpClient(DeltaClientOptions options, HttpMessageHandler transport, TimeProvider timeProvider, ILogger logger)
    {
        var retry = new DeltaResilienceHandler(DeltaResiliencePipeline.Create(options, timeProvider, logger), options) { InnerHandler = transport };
        var conditional = new ConditionalGetHandler(new ResponseCache(options.ResponseCacheCapacity), logger) { InnerHandler = retry };
        var apiKey = new ApiKeyHandler(options) { InnerHandler = conditional };

        // The client lives as long as the application and is not disposable; the transport may be the caller's, so the
        // chain never disposes it.
        return new HttpClient(apiKey, disposeHandler: false)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
