using System.Runtime.CompilerServices;

namespace DeltaSdk.Validation;

/// <summary>The region table's codes and group identifiers in dictionaries; the first of two equal keys wins.</summary>
internal sealed class RegionLookup
{
    // As for plans: a region table used as a reference again and again is indexed once per instance.
    private static readonly ConditionalWeakTable<RegionTable, RegionLookup> References = new();

    private RegionLookup(RegionTable table)
    {
        Table = table;
        Regions = new Dictionary<RegionCode, int>(table.Regions.Length);
        Groups = new Dictionary<RegionGroupId, int>(table.Groups.Length);
    }

    public RegionTable Table { get; }

    public Dictionary<RegionCode, int> Regions { get; }

    public Dictionary<RegionGroupId, int> Groups { get; }

    public List<Duplicate> Duplicates { get; } = [];

    /// <summary>The index of a region table that a document refers to, built once per table instance.</summary>
    public static RegionLookup For(RegionTable table) => References.GetValue(table, static t => Build(t));

    /// <summary>A fresh index of a region table being validated.</summary>
    public static RegionLookup Build(RegionTable table)
    {
        var index = new RegionLookup(table);
        for (var i = 0; i < table.Regions.Length; i++)
        {
            var region = table.Regions[i];
            if (region is not null && !region.Code.IsEmpty && !index.Regions.TryAdd(region.Code, i))
            {
                index.Duplicates.Add(new(new PathRef("$.regions[{0}]", ".code", i), region.Code.ToString(), new PathRef("$.regions[{0}]", a: index.Regions[region.Code])));
            }
        }

        for (var i = 0; i < table.Groups.Length; i++)
        {
            var group = table.Groups[i];
            if (group is not null && !group.Id.IsEmpty && !index.Groups.TryAdd(group.Id, i))
            {
                index.Duplicates.Add(new(new PathRef("$.groups[{0}]", ".id", i), group.Id.ToString(), new PathRef("$.groups[{0}]", a: index.Groups[group.Id])));
            }
        }

        return index;
    }

    /// <summary>The closest region of the table that contains <paramref name="code"/> by its code (prefecture, then province), if any.</summary>
    public RegionCode? ClosestAncestor(RegionCode code)
    {
        switch (code.CodeLevel)
        {
            case RegionCodeLevel.County when code.Prefecture is { } prefecture && Regions.ContainsKey(prefecture):
                return prefecture;
            case RegionCodeLevel.County:
            case RegionCodeLevel.Prefectural:
                var province = code.Province;
                return Regions.ContainsKey(province) ? province : null;
            default:
                return null;
        }
    }
}
