using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace DeltaSdk.Serialization;

/// <summary>Describes what the canonical format expects for a model type, for error messages: what was expected.</summary>
internal static class WireDescriptions
{
    /// <summary>Gets a phrase for the expected JSON value, for example <c>a task code string such as "YRD-1-01"</c>.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(Uri) => "a URL string",
            _ when type == typeof(LocalDate) => "an ISO date string such as \"2024-07-25\"",
            _ when type == typeof(Instant) => "a UTC timestamp string such as \"2024-07-25T08:30:00Z\"",
            _ when type == typeof(ReportingPeriod) => "a reporting period string: a year \"2024\", a half \"2024-H1\", a quarter \"2024-Q3\", a month \"2024-07\" or a day \"2024-07-25\"",
            _ when type == typeof(PlanId) => "a plan id string such as \"yrd-2024-2026\"",
            _ when type == typeof(AspectId) => "an aspect id string such as \"a1\"",
            _ when type == typeof(AgencyId) => "an agency id string such as \"yrd-cooperation-office\"",
            _ when type == typeof(IndicatorId) => "an indicator id string such as \"hsr-operating-length\"",
            _ when type == typeof(RegionGroupId) => "a region group id string such as \"demonstration-zone\"",
            _ when type == typeof(TaskCode) => "a task code string such as \"YRD-1-01\"",
            _ when type == typeof(RegionCode) => "a six-digit region code string such as \"310000\"",
            _ when type == typeof(LocalizedText) => "an object of language tag to text such as {\"zh-Hans\": \"…\", \"en\": \"…\"}",
            _ when type == typeof(JsonElement) => "any JSON value",
            _ when type.IsEnum && DeltaJsonContext.Default.GetTypeInfo(type)?.Converter is IWireEnum wire => DescribeEnum(wire.WireNames),
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) => "an array of " + Plural(type.GetGenericArguments()[0]),
            _ => "a" + (StartsWithVowel(FriendlyName(type)) ? "n " : " ") + FriendlyName(type) + " object",
        };
    }

    /// <summary>Lists the accepted names of an enum.</summary>
    public static string DescribeEnum(IReadOnlyList<string> names)
        => "one of the strings " + string.Join(", ", names.Select(static n => "\"" + n + "\""));

    /// <summary>Gets the tokens a value of the type may start with (besides null for a nullable type).</summary>
    public static bool Accepts(Type type, JsonTypeInfo? typeInfo, JsonTokenType token)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (token == JsonTokenType.Null)
        {
            return underlying is not null;
        }

        type = underlying ?? type;
        return typeInfo?.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => token == JsonTokenType.StartObject,
            JsonTypeInfoKind.Enumerable => token == JsonTokenType.StartArray,
            _ when type == typeof(JsonElement) => true,
            _ when type == typeof(LocalizedText) => token == JsonTokenType.StartObject,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) => token == JsonTokenType.Number,
            _ when type == typeof(bool) => token is JsonTokenType.True or JsonTokenType.False,
            _ => token == JsonTokenType.String,
        };
    }

    /// <summary>Gets the lower-case words of a type name: <c>KeyTask</c> becomes <c>key task</c>.</summary>
    public static string FriendlyName(Type type)
    {
        var name = type.Name;
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static string Plural(Type type)
    {
        var described = Describe(type);

        // "a key task object" → "key task objects"; "a plan id string such as …" → "plan id strings such as …".
        var withoutArticle = described.StartsWith("an ", StringComparison.Ordinal) ? described[3..] : described.StartsWith("a ", StringComparison.Ordinal) ? described[2..] : described;
        foreach (var noun in (ReadOnlySpan<string>)["object", "string"])
        {
            var at = withoutArticle.IndexOf(noun, StringComparison.Ordinal);
            if (at >= 0)
            {
                return withoutArticle.Insert(at + noun.Length, "s");
            }
        }

        return withoutArticle;
    }

    private static bool StartsWithVowel(string text) => text.Length > 0 && "aeiou".Contains(text[0], StringComparison.Ordinal);
}
