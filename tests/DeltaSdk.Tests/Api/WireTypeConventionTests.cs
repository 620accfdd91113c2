using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using DeltaSdk.Api;

namespace DeltaSdk.Tests.Api;

/// <summary>Rules of the Plan API's wire types, enforced by reflection so that a new wire type cannot drift.</summary>
public sealed class WireTypeConventionTests
{
    // ETag is the one type of the namespace that travels in headers, never in a body: a value type, not a JSON record.
    private static IEnumerable<Type> WireTypes => typeof(ApiJson).Assembly.GetExportedTypes()
        .Where(static t => t.Namespace == "DeltaSdk.Api" && t != typeof(ApiJson) && t != typeof(ETag));

    [Fact]
    public void Wire_types_are_sealed_immutable_records()
    {
        Assert.Contains(typeof(Page<>), WireTypes);
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
    public void Every_wire_type_has_generated_metadata()
    {
        var missing = WireTypes.Where(static t => !t.IsGenericTypeDefinition && ApiJson.Options.TryGetTypeInfo(t, out _) is false).Select(static t => t.Name).ToList();
        Assert.Empty(missing);
    }
}
