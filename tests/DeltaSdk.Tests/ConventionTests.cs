using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DeltaSdk.Tests;

/// <summary>Codebase-wide rules of the core assembly, enforced by reflection so that new types cannot drift.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Core = typeof(Plan).Assembly;

    private static IEnumerable<Type> PublicTypes => Core.GetExportedTypes();

    private static IEnumerable<Type> ModelRecords => PublicTypes.Where(static t =>
        t.Namespace == "DeltaSdk" && t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null);

    [Fact]
    public void The_model_has_records_to_check()
    {
        // Guards the other conventions against passing vacuously.
        Assert.Contains(typeof(Plan), ModelRecords);
        Assert.Contains(typeof(Observation), ModelRecords);
    }

    [Fact]
    public void Model_records_are_sealed_and_have_no_public_mutators()
    {
        var offenders = new List<string>();
        foreach (var type in ModelRecords)
        {
            if (!type.IsSealed)
            {
                offenders.Add($"{type.Name} is not sealed");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true } && !IsInitOnly(setter))
                {
                    offenders.Add($"{type.Name}.{property.Name} has a public setter");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Model_collections_are_immutable()
    {
        var offenders = new List<string>();
        foreach (var type in ModelRecords)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var propertyType = property.PropertyType;
                // Computed properties (no setter) derive from the stored ones and need no check of their own.
                if (property.SetMethod is null || propertyType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
                {
                    continue;
                }

                var immutable = (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
                    || propertyType == typeof(LocalizedText)
                    || property.Name == "ExtensionData"; // System.Text.Json's round-trip bag, documented on each record
                if (!immutable)
                {
                    offenders.Add($"{type.Name}.{property.Name} is {propertyType.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Model_collections_are_never_default()
    {
        // An ImmutableArray left default throws on enumeration; every model array must normalize to empty.
        var offenders = new List<string>();
        foreach (var type in ModelRecords)
        {
            var instance = RuntimeHelpers.GetUninitializedObject(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(static p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)))
            {
                // Setting default through init must store an empty array, not a default one.
                var defaultValue = Activator.CreateInstance(property.PropertyType);
                property.SetValue(instance, defaultValue);
                var isDefault = (bool)property.PropertyType.GetProperty("IsDefault")!.GetValue(property.GetValue(instance))!;
                if (isDefault)
                {
                    offenders.Add($"{type.Name}.{property.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Optional_json_members_default_to_the_default_of_their_type()
    {
        // The source-generated reader builds init-only records through their constructor path and gives an absent
        // member default(T), not the property's initializer; a member whose initializer differs must be required.
        var offenders = new List<string>();
        foreach (var type in ModelRecords)
        {
            var fresh = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(static p => p.SetMethod is not null && p.PropertyType.IsValueType && !p.PropertyType.IsGenericType))
            {
                var initial = property.GetValue(fresh);
                var defaultValue = Activator.CreateInstance(property.PropertyType);
                if (!Equals(initial, defaultValue) && property.GetCustomAttribute<System.Text.Json.Serialization.JsonRequiredAttribute>() is null)
                {
                    offenders.Add($"{type.Name}.{property.Name} starts as {initial}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Async_methods_take_a_cancellation_token_last()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var returnType = method.ReturnType;
                var isAsync = typeof(Task).IsAssignableFrom(returnType)
                    || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var d
                        && (d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)))
                    || returnType == typeof(ValueTask);
                if (!isAsync)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.Name}.{method.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_types_live_in_a_namespace_matching_their_folder_root()
    {
        var allowed = new[] { "DeltaSdk", "DeltaSdk.Serialization", "DeltaSdk.Validation", "DeltaSdk.Data", "DeltaSdk.Analytics", "DeltaSdk.Changes", "DeltaSdk.Api", "Microsoft.Extensions.DependencyInjection" };
        var offenders = PublicTypes.Where(t => !allowed.Contains(t.Namespace)).Select(static t => t.FullName).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Identifiers_are_parsable_value_types_with_value_equality()
    {
        Type[] identifiers = [typeof(PlanId), typeof(AspectId), typeof(TaskCode), typeof(RegionCode), typeof(IndicatorId), typeof(AgencyId), typeof(RegionGroupId), typeof(ReportingPeriod)];
        foreach (var type in identifiers)
        {
            Assert.True(type.IsValueType, type.Name);
            Assert.Contains(type.GetInterfaces(), static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));
            Assert.Contains(type.GetInterfaces(), static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>));
        }
    }

    private static bool IsInitOnly(MethodInfo setter)
        => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
