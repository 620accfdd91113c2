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
                foreach (var property in typeInfo.Properties)
                {
                    if (property.Get is not { } getter)
                    {
                        continue;
                    }

                    if (!AreEqual(getter(a), getter(b), typeInfo.Options.GetTypeInfo(property.PropertyType)))
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

                var items = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
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

                var values = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
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

    private static bool IsAbsent(object? value) => value is null or ICollection { Count: 0 };
}
