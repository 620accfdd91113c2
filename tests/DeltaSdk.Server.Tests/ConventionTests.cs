using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using DeltaSdk.Server.Contracts;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Tests;

/// <summary>Rules of the server assembly's public surface, enforced by reflection so that new types cannot drift.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Server = typeof(PlanServerHost).Assembly;

    private static IEnumerable<Type> WireTypes => Server.GetExportedTypes().Where(static t => t.Namespace == "DeltaSdk.Server.Contracts");

    [Fact]
    public void Wire_types_are_sealed_immutable_records()
    {
        Assert.Contains(typeof(ItemPage<>), WireTypes);
        var offenders = new List<string>();
        foreach (var type in WireTypes)
        {
            if (!type.IsSealed || type.GetMethod("<Clone>$") is null)
            {
                offenders.Add($"{type.Name} is not a sealed record");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    offenders.Add($"{type.Name}.{property.Name} has a public setter");
                }

                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (propertyType != typeof(string) && propertyType != typeof(LocalizedText) && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)
                    && !(propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)))
                {
                    offenders.Add($"{type.Name}.{property.Name} is a mutable {propertyType.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_async_methods_take_a_defaulted_cancellation_token_last()
    {
        var methods = Server.GetExportedTypes()
            .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(static m => typeof(Task).IsAssignableFrom(m.ReturnType) && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(typeof(IPlanStore).GetMethod(nameof(IPlanStore.AppendProgressAsync)), methods);

        var offenders = methods
            .Where(static m => m.GetParameters() is not [.., { ParameterType: var last, HasDefaultValue: true }] || last != typeof(CancellationToken))
            .Select(static m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }
}
