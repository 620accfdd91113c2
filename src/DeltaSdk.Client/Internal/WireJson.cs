using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Helpers for the hand-written converters of the client's wire types. Those converters exist because a
/// source-generated context outside the core assembly cannot reach the core's internal converters (identifiers,
/// localized text); each member of a core type is read and written with the core's own metadata, through the
/// options, so its format is exactly the core's.
/// </summary>
internal static class WireJson
{
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {what} object, found {reader.TokenType}.");
        }
    }

    /// <summary>Advances to the next property of the current object and reads its value's first token.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => JsonSerializer.Deserialize(ref reader, Info<T>(options)) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    public static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    public static ImmutableArray<T> ReadArray<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of {typeof(T).Name}, found {reader.TokenType}.");
        }

        var info = Info<T>(options);
        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(JsonSerializer.Deserialize(ref reader, info)!);
        }

        return builder.DrainToImmutable();
    }

    public static void Write<T>(Utf8JsonWriter writer, string name, T value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, Info<T>(options));
    }

    public static void WriteArray<T>(Utf8JsonWriter writer, string name, ImmutableArray<T> values, JsonSerializerOptions options)
    {
        var info = Info<T>(options);
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            JsonSerializer.Serialize(writer, value, info);
        }

        writer.WriteEndArray();
    }

    public static void WriteIfPresent(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    public static void WriteIfPresent(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    public static JsonException Missing(string type, string name) => new($"The {type} has no '{name}'.");
}
