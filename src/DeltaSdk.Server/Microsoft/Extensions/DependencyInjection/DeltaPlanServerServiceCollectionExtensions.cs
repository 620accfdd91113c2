using System.Text;
using DeltaSdk.Server;
using DeltaSdk.Server.Http;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Validation;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Authentication;
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
    /// (register your own instance first to add rules), JSON settings of the canonical format, problem details
    /// (<c>AddProblemDetails</c>, with a writer of the API's problem shape first), the <c>DeltaApiKey</c> authentication
    /// scheme and the <c>DeltaWriter</c> authorization policy of the writes, the OpenAPI document and the store initializer. Register an
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
        services.TryAddSingleton<IClock>(NodaTime.SystemClock.Instance);
        services.TryAddSingleton(DeltaValidator.Default);
        services.TryAddSingleton<IRequestValidator, DeltaRequestValidator>();
        services.TryAddSingleton<ApiKeyRing>();

        // Problems go through ASP.NET Core's problem-details service (status-code pages, the exception handler, the
        // handlers' own); our writer comes first, whatever the host registered, so that every one has the API's shape.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, DeltaProblemDetailsWriter>());
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(ApiKeyAuthenticationHandler.AddWritePolicy);
        services.TryAddSingleton<PlanApiHandlers>();
        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<PlanStoreHealthCheck>("store", tags: [PlanStoreHealthCheck.ReadyTag]);
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

    /// <summary>
    /// Registers the <see cref="IPlanStore"/> that <see cref="DeltaServerOptions.Storage"/> names (unless one is
    /// registered already): <see cref="SqlitePlanStore"/> on <see cref="PlanStorageOptions.SqlitePath"/>,
    /// <see cref="PostgreSqlPlanStore"/> on the connection string <see cref="PlanStorageOptions.ConnectionStringName"/>
    /// of the <c>ConnectionStrings</c> section, or <see cref="InMemoryPlanStore"/>. The store is created, migrated and
    /// seeded when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="seed">The data an empty store is filled with, for example the embedded dataset.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddDeltaPlanStore(this IServiceCollection services, PlanStoreSeed seed)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(seed);
        services.TryAddSingleton<IPlanStore>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<DeltaServerOptions>>().Value.Storage;
            return storage.Provider switch
            {
                PlanStoreProvider.PostgreSql => new PostgreSqlPlanStore(
                    provider.GetService<IConfiguration>()?.GetConnectionString(storage.ConnectionStringName) is { Length: > 0 } connectionString
                        ? connectionString
                        : throw new InvalidOperationException($"DeltaServer:Storage:Provider is PostgreSql but there is no connection string ConnectionStrings:{storage.ConnectionStringName} (environment: ConnectionStrings__{storage.ConnectionStringName})."),
                    seed),
                PlanStoreProvider.InMemory => new InMemoryPlanStore(seed),
                _ => new SqlitePlanStore(storage.SqlitePath, seed),
            };
        });
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
