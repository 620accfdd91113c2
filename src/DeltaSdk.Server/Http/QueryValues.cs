using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Server.Http;

/// <summary>Parses query and route values into model types with messages that say which parameter is wrong and why.</summary>
internal static class QueryValues
{
    public static bool TryParse<T>(string? text, string parameter, out T? value, [NotNullWhen(false)] out ProblemResult? problem)
        where T : struct, IParsable<T>
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            value = T.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            problem = ProblemResult.BadRequest($"{parameter}: {exception.Message}");
            return false;
        }
    }

    public static bool TryParseRequired<T>(string text, string parameter, out T value, [NotNullWhen(false)] out ProblemResult? problem)
        where T : struct, IParsable<T>
    {
        var ok = TryParse<T>(text, parameter, out var parsed, out problem);
        value = parsed.GetValueOrDefault();
        if (ok && parsed is null)
        {
            problem = ProblemResult.BadRequest($"{parameter} is required.");
            return false;
        }

        return ok;
    }

    /// <summary>
    /// Parses an instant parameter (<c>updatedSince</c>, and <c>asOf</c> of the history reads) exactly as the canonical
    /// format reads an instant member (<see cref="DeltaText.ParseInstant"/>), so a query and a document accept the same
    /// instants (<c>2026-11-30T08:00:00Z</c>, an optional fraction, <c>Z</c> required).
    /// </summary>
    public static bool TryParseInstant(string? text, string parameter, out Instant? value, [NotNullWhen(false)] out ProblemResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            value = DeltaText.ParseInstant(text);
            return true;
        }
        catch (FormatException exception)
        {
            problem = ProblemResult.BadRequest($"{parameter}: {exception.Message}");
            return false;
        }
    }

    /// <summary>Parses a flag: <c>true</c> or <c>false</c> exactly (absent is false); anything else is a problem naming the parameter.</summary>
    public static bool TryParseBoolean(string? text, string parameter, out bool value, [NotNullWhen(false)] out ProblemResult? problem)
    {
        value = false;
        problem = null;
        if (string.IsNullOrEmpty(text) || string.Equals(text, "false", StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(text, "true", StringComparison.Ordinal))
        {
            value = true;
            return true;
        }

        problem = ProblemResult.BadRequest($"{parameter} '{text}' is not true or false.");
        return false;
    }

    /// <summary>Parses an enum written as on the wire (camelCase member name).</summary>
    public static bool TryParseEnum<T>(string? text, string parameter, out T? value, [NotNullWhen(false)] out ProblemResult? problem)
        where T : struct, Enum
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var member in Enum.GetValues<T>())
        {
            if (string.Equals(WireName(member), text, StringComparison.Ordinal))
            {
                value = member;
                return true;
            }
        }

        problem = ProblemResult.BadRequest($"{parameter} '{text}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(static m => WireName(m)))}.");
        return false;
    }

    public static string WireName<T>(T member)
        where T : struct, Enum
        => JsonNamingPolicy.CamelCase.ConvertName(member.ToString());
}
