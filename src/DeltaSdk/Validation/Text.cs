using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Validation;

/// <summary>Canonical (wire-format) text for values quoted in messages, so that messages read the same in every language.</summary>
internal static class Text
{
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The wire name of an enum member, from the converter that writes it (one source of wire names).</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => DeltaSdk.Serialization.CamelCaseEnumConverter<TEnum>.NameOf(value);
}
