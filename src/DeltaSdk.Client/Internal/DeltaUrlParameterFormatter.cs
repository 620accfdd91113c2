using System.Globalization;
using System.Reflection;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Refit;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Writes path and query values in the canonical wire form. Refit's default formats with
/// <c>ToString(format, InvariantCulture)</c>, which gives a NodaTime <see cref="LocalDate"/> as a long date and an
/// enum as its C# name; the API wants <c>2024-07-25</c> and the camelCase name that the JSON uses.
/// </summary>
internal sealed class DeltaUrlParameterFormatter : IUrlParameterFormatter
{
    public static readonly DeltaUrlParameterFormatter Instance = new();

    public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => Format(value);

    internal static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        LocalDateTime dateTime => LocalDateTimePattern.ExtendedIso.Format(dateTime),
        OffsetDateTime offsetDateTime => OffsetDateTimePattern.ExtendedIso.Format(offsetDateTime),
        bool flag => flag ? "true" : "false",
        Enum member => JsonNamingPolicy.CamelCase.ConvertName(member.ToString()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),

        // Identifiers and ReportingPeriod: ToString is their canonical form by contract.
        _ => value.ToString(),
    };
}
