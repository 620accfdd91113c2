using System.Diagnostics.CodeAnalysis;
using DeltaSdk.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods for IServiceCollection live in its namespace so that they show up without a using directive.
// They live in the core package so that a server or tool registers validation without taking the client (and Refit).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DeltaValidator"/> and custom <see cref="IValidationRule"/>s.</summary>
public static class DeltaValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="DeltaValidator"/> built from <see cref="DeltaValidationOptions"/> and every
    /// <see cref="IValidationRule"/> registered in the container (see <see cref="AddDeltaValidationRule{TRule}(IServiceCollection)"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, if given; calling this method again adds another step, run in order.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <remarks>
    /// Idempotent: the validator is registered once. Options are checked when the validator is first resolved; a bad
    /// value throws an <see cref="ArgumentException"/> naming it.
    /// </remarks>
    public static IServiceCollection AddDeltaValidation(this IServiceCollection services, Action<DeltaValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DeltaValidationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider => new DeltaValidator(
            provider.GetRequiredService<IOptions<DeltaValidationOptions>>().Value,
            provider.GetServices<IValidationRule>()));
        return services;
    }

    /// <summary>
    /// Registers a custom rule as a singleton <see cref="IValidationRule"/>, which the validator registered by
    /// <see cref="AddDeltaValidation"/> runs after the built-in rules. Registering the same rule type twice adds it once.
    /// </summary>
    /// <typeparam name="TRule">The rule; it implements <see cref="IValidationRule{TDocument}"/> for the documents it checks.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddDeltaValidationRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IServiceCollection services)
        where TRule : class, IValidationRule
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidationRule, TRule>());
        return services;
    }
}
