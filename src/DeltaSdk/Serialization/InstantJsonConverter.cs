using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads and writes <see cref="Instant"/> as an ISO-8601 UTC timestamp (<c>2024-07-25T08:30:00Z</c>, fractional
/// seconds only when present) with NodaTime's own <see cref="InstantPattern.ExtendedIso"/>, turning its errors into
/// messages that say what was found and what was expected.
/// </summary>
/// <remarks>
/// NodaTime.Serialization.SystemTextJson would do the same, but its converter factory trips IL2026/IL3050 in a
/// consumer's trimmed or native AOT publish; a pattern is all it used. Two forms the pattern takes are refused here,
/// because each names an instant in a second way: an hour of <c>24</c> (the next day's midnight) and a trailing NUL
/// (NodaTime's parser treats NUL as the end of the text).
/// </remarks>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => NodaTimeText.Read(ref reader, Pattern, "a UTC timestamp", NodaTimeText.RefuseHour24);

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) => writer.WriteStringValue(Pattern.Format(value));
}
