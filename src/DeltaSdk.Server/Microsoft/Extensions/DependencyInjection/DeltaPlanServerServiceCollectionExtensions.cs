using System.Text;
using DeltaSdk.Server;
using DeltaSdk.Server.Http;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Testing;
using DeltaSdk.Server.Validation;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the DeltaSdk Plan API server.</summary>
public static class DeltaPlanServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Plan API services: options (validated at start-up), write validation by <see cref="DeltaValidator"/>
    /// (register your own instance first to add rules), JSON settings of the canonical format, the
    /// OpenAPI document, the fault injector (inactive unless enabled) and the store initializer. Register an
    /// <see cref="IPlanStore"/> as well (for example <see cref="SqlitePlanStore"/>); then call
    /// <c>UseDeltaPlanServer()</c> and <c>MapDeltaPlanApi()</c> on the application. Calling this more than once is harmless.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options in code, after configuration is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDeltaPlanServer(this IServiceCollection services, Action<DeltaServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<DeltaServerOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(static d => d.ServiceType == typeof(PlanApiHandlers)))
        {
            return services;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeltaServerOptions>, DeltaServerOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(DeltaValidator.Default);
        services.TryAddSingleton<IRequestValidator, DeltaRequestValidator>();
        services.TryAddSingleton<ApiKeyAuthorizer>();
        services.TryAddSingleton<PlanApiHandlers>();
        services.TryAddSingleton(static sp => new FaultInjector(sp.GetRequiredService<IOptions<DeltaServerOptions>>().Value.EnableFaultInjection));
        services.AddHostedService<StoreInitializer>();
        services.Configure<JsonOptions>(static o => ServerJson.Apply(o.SerializerOptions));

        // Parameters that do not bind (pageSize=abc) become BadHttpRequestException, which the server turns into a problem document naming the parameter.
        services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = true);

        // Kestrel refuses a header with a byte above 0x7F itself, with an empty 400, before the API can say which header
        // is wrong. Decoded as Latin-1 (every byte is a character), such a header reaches the API, whose checks refuse it
        // with a problem naming it (a non-ASCII Idempotency-Key, say). A host's own selector wins.
        services.Configure<KestrelServerOptions>(static o => o.RequestHeaderEncodingSelector ??= static _ => Encoding.Latin1);
        services.AddOpenApi(OpenApiSetup.DocumentName, OpenApiSetup.Configure);
        return services;
    }

    /// <summary>Adds the Plan API services with options bound from a configuration section (usually <c>DeltaServer</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind <see cref="DeltaServerOptions"/> from.</param>
    /// <param name="configure">Sets options in code, after the section is bound.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDeltaPlanServer(this IServiceCollection services, IConfiguration configuration, Action<DeltaServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeltaServerOptions>().Bind(configuration);
        return services.AddDeltaPlanServer(configure);
    }
}
