using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tool.Conversion;

/// <summary>How values are written in CSV cells, and read back exactly: the forms of the canonical JSON format.</summary>
internal static class CellFormats
{
    /// <summary>The separator of list cells (identifiers, tags).</summary>
    public const char ListSeparator = ';';

    /// <summary>Formats a number as the shortest text that reads back as the same double.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Number"/> (or any invariant decimal).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static double ParseNumber(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException("expected a finite number with '.' as the decimal point, such as 1234.5");

    /// <summary>Formats an ISO date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Date(LocalDate date) => DeltaText.FormatDate(date);

    /// <summary>Parses an ISO date (yyyy-MM-dd).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The date.</returns>
    public static LocalDate ParseDate(string text)
        => DeltaText.TryParseDate(text, out var date) ? date : throw new FormatException("expected a date as yyyy-MM-dd");

    /// <summary>Parses an enum by its wire name.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum
        => WireNames.TryParse<TEnum>(text, out var value) ? value : throw new FormatException("expected one of " + string.Join(", ", WireNames.All<TEnum>()));

    /// <summary>Joins a list for a cell.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The text, or <see langword="null"/> when there are none.</returns>
    public static string? List<T>(ImmutableArray<T> items)
    {
        if (items.IsEmpty)
        {
            return null;
        }

        var texts = items.Select(static i => i!.ToString()!).ToList();
        if (texts.Any(static t => t.Contains(ListSeparator, StringComparison.Ordinal)))
        {
            throw new ToolException($"A list item contains '{ListSeparator}', which separates the items of a CSV list cell; convert to JSON instead, or remove the '{ListSeparator}'.");
        }

        return string.Join(ListSeparator, texts);
    }

    /// <summary>Splits a list cell.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="parse">The item parser.</param>
    /// <returns>The items.</returns>
    public static ImmutableArray<T> ParseList<T>(string text, Func<string, T> parse)
        => [.. text.Split(ListSeparator).Select(parse)];

    /// <summary>Writes objects of the model as a JSON array in a cell, in the canonical form.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The JSON, or <see langword="null"/> when there are none.</returns>
    public static string? JsonList<T>(ImmutableArray<T> items)
    {
        if (items.IsEmpty)
        {
            return null;
        }

        var typeInfo = TypeInfo<T>();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ToolJson.CellOptions))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                JsonSerializer.Serialize(writer, item, typeInfo);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a JSON array cell written by <see cref="JsonList{T}"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="text">The JSON.</param>
    /// <returns>The items.</returns>
    public static ImmutableArray<T> ParseJsonList<T>(string text)
    {
        var typeInfo = TypeInfo<T>();
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("expected a JSON array");
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            try
            {
                items.Add(element.Deserialize(typeInfo) ?? throw new FormatException($"item {index} is null"));
            }
            catch (JsonException exception)
            {
                throw new FormatException($"item {index}: {exception.Message}", exception);
            }

            index++;
        }

        return items.ToImmutable();
    }

    /// <summary>Gets the source-generated contract of a model type from <see cref="DeltaJson.Options"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <returns>The contract.</returns>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)DeltaJson.Options.GetTypeInfo(typeof(T));
}
