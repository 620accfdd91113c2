using System.Collections.Concurrent;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Changes;

/// <summary>
/// Structural equality of model values as the canonical format sees them, walked through the serialization contract:
/// records member by member, lists item by item, leaves (identifiers, text, dates, numbers, enums) by their own
/// equality. Records cannot be compared with <c>Equals</c> because they compare their lists by reference.
/// </summary>
internal static class ValueEquality
{
    // The contract's metadata per type, resolved once: GetTypeInfo for every member of every record of a 100,000-task
    // plan would cost more than the comparisons themselves.
    private static readonly ConcurrentDictionary<JsonTypeInfo, Parts> Cache = new(ReferenceEqualityComparer.Instance);

    public static bool AreEqual(object? a, object? b, JsonTypeInfo typeInfo)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            // The format writes an empty list as nothing at all, as it writes null.
            return IsAbsent(a) && IsAbsent(b);
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var (getter, memberInfo) in PartsOf(typeInfo).Members)
                {
                    if (!AreEqual(getter(a), getter(b), memberInfo))
                    {
                        return false;
                    }
                }

                return true;

            case JsonTypeInfoKind.Enumerable when a is IList left && b is IList right:
                if (left.Count != right.Count)
                {
                    return false;
                }

                var items = PartsOf(typeInfo).Element!;
                for (var i = 0; i < left.Count; i++)
                {
                    if (!AreEqual(left[i], right[i], items))
                    {
                        return false;
                    }
                }

                return true;

            case JsonTypeInfoKind.Dictionary when a is IDictionary left && b is IDictionary right:
                if (left.Count != right.Count)
                {
                    return false;
                }

                var values = PartsOf(typeInfo).Element!;
                foreach (DictionaryEntry entry in left)
                {
                    if (!right.Contains(entry.Key) || !AreEqual(entry.Value, right[entry.Key], values))
                    {
                        return false;
                    }
                }

                return true;

            default:
                return a switch
                {
                    JsonElement x => b is JsonElement y && JsonElement.DeepEquals(x, y),

                    // Uri.Equals ignores the fragment and user information; the format writes the string as given.
                    Uri x => b is Uri y && string.Equals(x.OriginalString, y.OriginalString, StringComparison.Ordinal),
                    _ => a.Equals(b),
                };
        }
    }

    /// <summary>Gets a value as the format writes it, or <see langword="null"/> when the format leaves it out.</summary>
    public static JsonElement? ToFragment(object? value, JsonTypeInfo typeInfo)
        => IsAbsent(value) ? null : JsonSerializer.SerializeToElement(value, typeInfo);

    private static Parts PartsOf(JsonTypeInfo typeInfo) => Cache.GetOrAdd(typeInfo, static info => new Parts(
        info.Kind == JsonTypeInfoKind.Object
            ? [.. info.Properties.Where(static p => p.Get is not null).Select(p => (p.Get!, info.Options.GetTypeInfo(p.PropertyType)))]
            : [],
        info.ElementType is { } element ? info.Options.GetTypeInfo(element) : null));

    private static bool IsAbsent(object? value) => value is null or ICollection { Count: 0 };

    private sealed record Parts((Func<object, object?> Get, JsonTypeInfo TypeInfo)[] Members, JsonTypeInfo? Element);
}
