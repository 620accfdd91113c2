using System.Text.Json;

namespace DeltaSdk.Tool;

/// <summary>
/// The wire names of the model's enums, as the canonical JSON writes them (camelCase member names), for CSV cells and
/// machine-readable output that must read like the JSON.
/// </summary>
internal static class WireNames
{
    /// <summary>Gets the wire name of an enum value.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The camelCase name.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Gets every wire name of an enum, in declaration order.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum
        => Array.ConvertAll(Enum.GetValues<TEnum>(), static v => Of(v));

    /// <summary>Parses a wire name exactly, as the JSON reader does.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the text is one of the names.</param>
    /// <returns>Whether the text is one of the names.</returns>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
