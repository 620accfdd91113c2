namespace DeltaSdk.Validation;

/// <summary>The built-in region table rules: codes, names, levels, the parent chain and group membership.</summary>
internal static class RegionTableChecker
{
    public static void Check(RegionLookup index, ValidationContext context)
    {
        var table = index.Table;
        foreach (var duplicate in index.Duplicates)
        {
            context.Report(DeltaRules.DuplicateIdentifier, duplicate.Path, duplicate.Value, duplicate.Value, duplicate.First.Render());
        }

        for (var i = 0; i < table.Regions.Length; i++)
        {
            Region(table.Regions[i], i, index, context);
        }

        for (var g = 0; g < table.Groups.Length; g++)
        {
            Group(table.Groups[g], g, index, context);
        }
    }

    private static void Region(Region? region, int i, RegionLookup index, ValidationContext context)
    {
        var path = new EntityPath("$.regions[{0}]", i);
        if (region is null)
        {
            context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        var code = region.Code;
        if (code.IsEmpty)
        {
            context.Report(DeltaRules.MissingIdentifier, path.At(".code"));
        }

        Checks.Name(context, region.Name, path.At(".name"));
        if (!code.IsEmpty && !LevelFits(region.Level, code.CodeLevel))
        {
            context.Report(DeltaRules.RegionLevelMismatch, path.At(".level"), Text.Wire(region.Level), Text.Wire(region.Level), code);
        }

        if (!code.IsEmpty)
        {
            var expected = index.ClosestAncestor(code);
            if (region.Parent is { } parent)
            {
                if (parent.IsEmpty)
                {
                    context.Report(DeltaRules.MissingIdentifier, path.At(".parent"));
                }
                else if (!index.Regions.ContainsKey(parent))
                {
                    context.Report(DeltaRules.UnknownRegion, path.At(".parent"), parent.ToString(), parent);
                }
                else if (parent != expected)
                {
                    context.Report(DeltaRules.RegionParentMismatch, path.At(".parent"), parent.ToString(), code, parent, expected?.ToString() ?? "null");
                }
            }
            else if (expected is { } ancestor)
            {
                context.Report(DeltaRules.RegionParentMismatch, path.At(".parent"), null, code, "null", ancestor);
            }
        }

        Checks.Sources(context, region.Sources, path, required: true);
    }

    private static bool LevelFits(RegionLevel level, RegionCodeLevel codeLevel) => level switch
    {
        RegionLevel.Province or RegionLevel.Municipality => codeLevel == RegionCodeLevel.Provincial,
        RegionLevel.City => codeLevel == RegionCodeLevel.Prefectural,
        _ => codeLevel == RegionCodeLevel.County,
    };

    private static void Group(RegionGroup? group, int g, RegionLookup index, ValidationContext context)
    {
        var path = new EntityPath("$.groups[{0}]", g);
        if (group is null)
        {
            context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        if (group.Id.IsEmpty)
        {
            context.Report(DeltaRules.MissingIdentifier, path.At(".id"));
        }

        Checks.Name(context, group.Name, path.At(".name"));
        var seen = group.Members.Length > 1 ? new Dictionary<RegionCode, int>(group.Members.Length) : null;
        for (var m = 0; m < group.Members.Length; m++)
        {
            var member = group.Members[m];
            if (member.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".members[{2}]", m));
                continue;
            }

            if (!index.Regions.ContainsKey(member))
            {
                context.Report(DeltaRules.UnknownRegion, path.At(".members[{2}]", m), member.ToString(), member);
            }

            if (seen is not null && !seen.TryAdd(member, m))
            {
                context.Report(DeltaRules.DuplicateIdentifier, path.At(".members[{2}]", m), member.ToString(), member, path.At(".members[{2}]", seen[member]).Render());
            }
        }

        Checks.Sources(context, group.Sources, path, required: true);
    }
}
