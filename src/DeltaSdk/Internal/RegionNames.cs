namespace DeltaSdk.Internal;

/// <summary>
/// The forms of a region's names that people type: with or without the administrative suffix
/// (<c>苏州市</c> / <c>苏州</c>, <c>Wujiang District</c> / <c>Wujiang</c>), in any letter case.
/// </summary>
internal static class RegionNames
{
    // Longest first is not needed: no suffix ends another.
    private static readonly string[] ChineseSuffixes = ["市", "省", "区", "县"];
    private static readonly string[] EnglishSuffixes = [" city", " district", " county", " province"];

    /// <summary>Folds a name or query for comparison: trimmed, lower-cased, inner runs of white space made one space.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>
    /// Lists the folded forms under which a region is found: for each of its names, the name itself, the name
    /// without a recognised suffix, and the bare name with the suffix its level implies (so an English name
    /// stored as <c>Suzhou</c> is also found as <c>Suzhou City</c>).
    /// </summary>
    /// <param name="region">The region.</param>
    /// <returns>The forms, possibly repeated.</returns>
    public static IEnumerable<string> Forms(Region region)
    {
        if (region.Name is null)
        {
            yield break;
        }

        foreach (var (tag, name) in region.Name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var full = Normalize(name);
            yield return full;
            var bare = StripSuffix(full);
            yield return bare;
            var chinese = tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            var implied = chinese ? ChineseSuffix(region.Level) : EnglishSuffix(region.Level);
            if (implied is not null)
            {
                yield return bare + implied;
            }
        }
    }

    /// <summary>Removes one recognised administrative suffix, unless nothing would be left.</summary>
    /// <param name="folded">A folded name.</param>
    /// <returns>The name without its suffix, or the name itself.</returns>
    public static string StripSuffix(string folded)
    {
        foreach (var suffix in ChineseSuffixes.Concat(EnglishSuffixes))
        {
            if (folded.Length > suffix.Length && folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return folded[..^suffix.Length];
            }
        }

        return folded;
    }

    private static string? ChineseSuffix(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省",
        RegionLevel.Municipality or RegionLevel.City or RegionLevel.CountyLevelCity => "市",
        RegionLevel.District => "区",
        RegionLevel.County => "县",
        _ => null,
    };

    private static string? EnglishSuffix(RegionLevel level) => level switch
    {
        RegionLevel.Province => " province",
        RegionLevel.Municipality or RegionLevel.City or RegionLevel.CountyLevelCity => " city",
        RegionLevel.District => " district",
        RegionLevel.County => " county",
        _ => null,
    };
}
