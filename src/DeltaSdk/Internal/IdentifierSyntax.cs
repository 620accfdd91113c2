namespace DeltaSdk.Internal;

/// <summary>
/// The lexical rules of every identifier type in one place, so that parsing, validation and the JSON Schema
/// patterns cannot drift apart. Each rule is ASCII-only on purpose: identifiers travel in URLs and file names.
/// </summary>
internal static class IdentifierSyntax
{
    /// <summary>Longest slug or task code accepted; long enough for any real code, short enough to reject junk.</summary>
    public const int MaxLength = 64;

    /// <summary>Regular-expression form of <see cref="IsSlug"/> (used by the JSON Schema).</summary>
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Regular-expression form of <see cref="IsTaskCode"/> (used by the JSON Schema).</summary>
    public const string TaskCodePattern = "^[A-Z0-9]+([.-][A-Z0-9]+)*$";

    /// <summary>Regular-expression form of <see cref="IsRegionCode"/> (used by the JSON Schema).</summary>
    public const string RegionCodePattern = "^[1-9][0-9]{5}$";

    /// <summary>Human description of the slug form, used in error messages.</summary>
    public const string SlugDescription = "lower-case ASCII letters and digits in groups joined by single hyphens (for example 'yrd-2024-2026'), at most 64 characters";

    /// <summary>Human description of the task-code form, used in error messages.</summary>
    public const string TaskCodeDescription = "upper-case ASCII letters and digits in groups joined by single '.' or '-' (for example 'YRD-1-01'), at most 64 characters";

    /// <summary>Human description of the region-code form, used in error messages.</summary>
    public const string RegionCodeDescription = "six ASCII digits of a GB/T 2260 division code, not starting with 0 (for example '310000' for Shanghai)";

    /// <summary>Kebab-case: lower-case letters and digits, groups joined by single hyphens.</summary>
    public static bool IsSlug(ReadOnlySpan<char> text) => IsGrouped(text, static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'), static c => c == '-');

    /// <summary>Upper-case letters and digits, groups joined by single '.' or '-'.</summary>
    public static bool IsTaskCode(ReadOnlySpan<char> text) => IsGrouped(text, static c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'), static c => c is '-' or '.');

    /// <summary>Exactly six ASCII digits, the first not zero.</summary>
    public static bool IsRegionCode(ReadOnlySpan<char> text)
    {
        if (text.Length != 6 || text[0] is < '1' or > '9')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats the rejected input for an error message: quoted, control characters escaped, long input cut.</summary>
    public static string Describe(ReadOnlySpan<char> text)
    {
        const int Shown = 40;
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, Shown) + 8);
        builder.Append('\'');
        foreach (var c in text.Length > Shown ? text[..Shown] : text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('\'');
        if (text.Length > Shown)
        {
            builder.Append("… (").Append(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    private static bool IsGrouped(ReadOnlySpan<char> text, Func<char, bool> isWordChar, Func<char, bool> isSeparator)
    {
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        var previousWasSeparator = true; // a leading separator is as wrong as a doubled one
        foreach (var c in text)
        {
            if (isWordChar(c))
            {
                previousWasSeparator = false;
            }
            else if (isSeparator(c) && !previousWasSeparator)
            {
                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !previousWasSeparator;
    }
}
