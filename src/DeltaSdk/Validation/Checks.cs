using System.Collections.Immutable;

namespace DeltaSdk.Validation;

/// <summary>Checks shared by several document types: names, sources and numeric values.</summary>
internal static class Checks
{
    /// <summary>
    /// DLT1012 and DLT1016: a required name has non-blank text in Simplified Chinese and English. A name known in one
    /// language only is a warning: sources do not always give both, and data is never made up to fill the gap.
    /// </summary>
    public static void Name(ValidationContext context, LocalizedText? name, in PathRef path)
    {
        var hasChinese = !string.IsNullOrWhiteSpace(name?.Chinese);
        var hasEnglish = !string.IsNullOrWhiteSpace(name?.EnglishText);
        if (hasChinese && hasEnglish)
        {
            return;
        }

        if (!hasChinese && !hasEnglish)
        {
            context.Report(DeltaRules.MissingName, path, null, $"{LocalizedText.SimplifiedChinese}, {LocalizedText.English}");
        }
        else
        {
            context.Report(DeltaRules.NameInOneLanguage, path, null, hasChinese ? LocalizedText.English : LocalizedText.SimplifiedChinese);
        }
    }

    /// <summary>DLT7001-DLT7003 for a list of sources at <c>&lt;entity&gt;.sources</c>.</summary>
    public static void Sources(ValidationContext context, ImmutableArray<SourceReference> sources, in EntityPath entity, bool required)
    {
        if (sources.IsDefaultOrEmpty)
        {
            if (required)
            {
                context.Report(DeltaRules.MissingSource, entity.At(".sources"));
            }

            return;
        }

        for (var i = 0; i < sources.Length; i++)
        {
            var source = sources[i];
            if (source is null)
            {
                context.Report(DeltaRules.NullElement, entity.At(".sources[{2}]", i));
            }
            else
            {
                Source(context, source, entity.At(".sources[{2}]", i));
            }
        }
    }

    /// <summary>DLT7001-DLT7003 for a single optional source.</summary>
    public static void Source(ValidationContext context, SourceReference? source, in PathRef path, bool required)
    {
        if (source is null)
        {
            if (required)
            {
                context.Report(DeltaRules.MissingSource, path);
            }

            return;
        }

        Source(context, source, path);
    }

    /// <summary>
    /// DLT6006 and DLT6007: a value is finite and inside its unit's domain. Returns whether the value is usable
    /// for comparisons (finite), so that callers do not stack further diagnostics on a NaN.
    /// </summary>
    public static bool Value(ValidationContext context, double value, string? unit, in PathRef path)
    {
        if (!double.IsFinite(value))
        {
            context.Report(DeltaRules.NonFiniteValue, path, Text.Number(value), Text.Number(value));
            return false;
        }

        if (!string.IsNullOrWhiteSpace(unit) && !UnitDomain.Contains(unit, value))
        {
            context.Report(DeltaRules.ValueOutsideUnitDomain, path, Text.Number(value), Text.Number(value), unit, UnitDomain.Describe(unit));
        }

        return true;
    }

    private static void Source(ValidationContext context, SourceReference source, in PathRef path)
    {
        if (source.Url is null && string.IsNullOrWhiteSpace(source.Publisher))
        {
            context.Report(DeltaRules.UntraceableSource, path, source.Title, source.Title);
        }

        if (source.Confidence == SourceConfidence.Low)
        {
            context.Report(DeltaRules.LowConfidenceSource, path, source.Title, source.Title);
        }
    }
}
