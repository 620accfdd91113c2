using DeltaSdk.Client;
using DeltaSdk.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Extension methods for IServiceCollection live in its namespace so that they show up without a using directive;
// the folder still says what the file is about (the accepted exception to "folders mirror namespaces").
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DeltaClient"/> and its <see cref="HttpClient"/> pipeline.</summary>
public static class DeltaClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="DeltaClient"/> with its options bound from a configuration section (for
    /// example <c>configuration.GetSection("DeltaClient")</c> holding <c>BaseAddress</c> and <c>ApiKey</c>) and
    /// validated when the application starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the <see cref="DeltaClientOptions"/> settings.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers or change the primary handler.</returns>
    /// <remarks>Calling it again adds no second pipeline; the configuration is bound again, later values winning.</remarks>
    public static IHttpClientBuilder AddDeltaClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeltaClientOptions>().Bind(configuration);
        return AddDeltaClientCore(services);
    }

    /// <summary>
    /// Registers a singleton <see cref="DeltaClient"/> with its options set in code and validated when the
    /// application starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="DeltaClientOptions.BaseAddress"/>.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers or change the primary handler.</returns>
    /// <remarks>Calling it again adds no second pipeline; each <paramref name="configure"/> runs, in order.</remarks>
    public static IHttpClientBuilder AddDeltaClient(this IServiceCollection services, Action<DeltaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DeltaClientOptions>().Configure(configure);
        return AddDeltaClientCore(services);
    }

    private static IHttpClientBuilder AddDeltaClientCore(IServiceCollection services)
    {
        // AddHttpClient with a name alone only returns a builder over the existing registration when repeated.
        var builder = services.AddHttpClient(DeltaClient.HttpClientName);
        if (services.Any(static d => d.ServiceType == typeof(DeltaClientRegistration)))
        {
            return builder;
        }

        services.AddSingleton<DeltaClientRegistration>();
        services.AddOptions<DeltaClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeltaClientOptions>, DeltaClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new ResponseCache(Options(sp).ResponseCacheCapacity));

        builder
            .ConfigureHttpClient(static (sp, client) =>
            {
                client.BaseAddress = Options(sp).BaseAddress;

                // The client enforces its own per-attempt and overall limits (DeltaClientOptions).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(static sp => new ApiKeyHandler(Options(sp)))
            .AddHttpMessageHandler(static sp => new ConditionalGetHandler(sp.GetRequiredService<ResponseCache>(), Logger(sp)))
            .AddHttpMessageHandler(static sp => CreateResilienceHandler(sp))
            .UseSocketsHttpHandler(static (handler, _) => handler.PooledConnectionLifetime = ClientPipeline.PooledConnectionLifetime)

            // DeltaClient is a singleton holding one HttpClient: the pooled connection lifetime above, not handler
            // rotation, is what picks up DNS changes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // Never write header values (the X-Api-Key among them) to the HttpClient logs.
            .RedactLoggedHeaders(static _ => true);

        services.TryAddSingleton(static sp => new DeltaClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(DeltaClient.HttpClientName),
            Options(sp),
            Logger(sp),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Removes the client's own resilience handler (retries, <c>Retry-After</c>, per-attempt and overall time-outs, on
    /// Polly), so that the application's takes its place, for example
    /// <c>services.AddDeltaClient(...).RemoveDeltaResilienceHandler().AddStandardResilienceHandler()</c>
    /// (Microsoft.Extensions.Http.Resilience). <see cref="DeltaClientOptions.MaxRetries"/>,
    /// <see cref="DeltaClientOptions.AttemptTimeout"/> and <see cref="DeltaClientOptions.OverallTimeout"/> then have no
    /// effect; the API key and the ETag revalidation stay.
    /// </summary>
    /// <param name="builder">The builder <c>AddDeltaClient</c> returned.</param>
    /// <returns>The same builder, to add the replacement.</returns>
    /// <remarks>
    /// <c>RemoveAllResilienceHandlers()</c> of Microsoft.Extensions.Http.Resilience removes only the handlers that package
    /// added; this removes the client's. A replacement should retry POST only with an <c>Idempotency-Key</c>, which the
    /// client puts on every POST, so the standard handler's retries are safe.
    /// </remarks>
    public static IHttpClientBuilder RemoveDeltaResilienceHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i] is DeltaResilienceHandler)
                {
                    handlers.RemoveAt(i);
                }
            }
        });
    }

    private static DeltaResilienceHandler CreateResilienceHandler(IServiceProvider services)
    {
        var options = Options(services);
        return new DeltaResilienceHandler(DeltaResiliencePipeline.Create(options, services.GetRequiredService<TimeProvider>(), Logger(services)), options);
    }

    private static DeltaClientOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DeltaClientOptions>>().Value;

    private static ILogger Logger(IServiceProvider services)
        => services.GetService<ILoggerFactory>()?.CreateLogger<DeltaClient>() ?? (ILogger)Logging.Abstractions.NullLogger.Instance;
}
