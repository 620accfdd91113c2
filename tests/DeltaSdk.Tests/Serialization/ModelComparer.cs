using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// Structural equality of model graphs. Records compare ImmutableArray members by reference, so a read model never
/// equals the one written; this compares what the values hold instead, property by property.
/// </summary>
internal static class ModelComparer
{
    /// <summary>Asserts that two model graphs hold the same values; the message names the first difference.</summary>
    public static void AssertEquivalent(object? expected, object? actual) => Compare(expected, actual, "$");

    /// <summary>Lists every (type, property) that holds a non-default value somewhere in the graph.</summary>
    public static HashSet<string> SetMembers(object root)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, set);
        return set;
    }

    public static IEnumerable<PropertyInfo> WireProperties(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(static p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: type {expected.GetType()} vs {actual.GetType()}");
        switch (expected)
        {
            case string or Uri or LocalizedText or ValueType when expected is not JsonElement and not IEnumerable && !IsKeyValuePair(expected):
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case JsonElement element:
                Assert.True(JsonElement.DeepEquals(element, (JsonElement)actual), $"{path}: JSON differs");
                return;
            case IReadOnlyDictionary<string, JsonElement> dictionary:
                var other = (IReadOnlyDictionary<string, JsonElement>)actual;
                Assert.Equal(dictionary.Keys.Order(), other.Keys.Order());
                foreach (var (key, value) in dictionary)
                {
                    Compare(value, other[key], $"{path}.{key}");
                }

                return;
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: {left.Count} items vs {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    Compare(left[i], right[i], $"{path}[{i}]");
                }

                return;
        }

        foreach (var property in WireProperties(expected.GetType()))
        {
            Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }

        Compare(expected.GetType().GetProperty("ExtensionData")?.GetValue(expected), actual.GetType().GetProperty("ExtensionData")?.GetValue(actual), path + ".ExtensionData");
    }

    private static bool IsKeyValuePair(object value) => value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    private static void Visit(object? value, HashSet<string> set)
    {
        if (value is null || value is string or LocalizedText or Uri || (value is ValueType && value is not IEnumerable))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Visit(item, set);
            }

            return;
        }

        foreach (var property in WireProperties(value.GetType()))
        {
            var member = property.GetValue(value);
            var isDefault = member is null
                || (member is ICollection { Count: 0 })
                || (member is ValueType && !IsCollection(member) && member.Equals(Activator.CreateInstance(member.GetType())));
            if (!isDefault)
            {
                set.Add($"{value.GetType().Name}.{property.Name}");
            }

            Visit(member, set);
        }
    }

    private static bool IsCollection(object value) => value is IEnumerable;
}
