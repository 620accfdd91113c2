using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads and writes <see cref="Instant"/> as an ISO-8601 UTC timestamp (<c>2024-07-25T08:30:00Z</c>, fractional
/// seconds only when present) through NodaTime.Serialization.SystemTextJson, turning its errors into messages that
/// say what was found and what was expected.
/// </summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly JsonConverter<Instant> Noda = NodaConverters.InstantConverter;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(Instant))}.");
        }

        var copy = reader;

        // NodaTime's ISO pattern reads 24:00:00 as the next day's midnight; the format has one spelling of an instant.
        // (Instants are rare, one per progress report: the string is allocated to see escaped forms too.)
        if (reader.GetString() is { Length: > 13 } text && text[10] is 'T' or 't' && text[11] == '2' && text[12] == '4')
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in copy)}, which is not a UTC timestamp (hour 24 is not an hour of the day; write 00:00 of the next day); expected {WireDescriptions.Describe(typeof(Instant))}.");
        }

        try
        {
            return Noda.Read(ref reader, typeToConvert, options);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in copy)}, which is not a UTC timestamp ({reason}); expected {WireDescriptions.Describe(typeof(Instant))}.", innerException: exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) => Noda.Write(writer, value, options);
}
