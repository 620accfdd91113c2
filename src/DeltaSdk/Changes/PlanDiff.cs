namespace DeltaSdk.Changes;

/// <summary>
/// Compares two plans, or two region tables, and lists what changed: entities added, removed and moved, each member
/// that differs with its JSON path and its old and new values, and the declared and catalogued counts that moved.
/// </summary>
/// <remarks>
/// <para>
/// Entities are matched by identity, not by position: tasks by code wherever they sit in the plan, regions by code,
/// aspects, agencies, indicators and region groups by id. A renamed task is one change of its <c>title</c>, not a
/// removal and an addition; a task placed in another aspect's list is <see cref="ChangeKind.Moved"/>. The order of a
/// list is not compared (aspects carry their <c>ordinal</c>, which is). Should a document repeat an identity (the
/// validator reports that), the n-th occurrence on one side is matched with the n-th on the other.
/// </para>
/// <para>
/// Members are compared as the canonical format writes them: <see langword="null"/> and an empty list are the same
/// absent member, and unknown members kept from a newer writer are compared too. An added or removed aspect's value
/// leaves out its tasks, which are listed as tasks of their own.
/// </para>
/// <para>The work is linear in the size of the documents: one dictionary of identities per list, and values are
/// serialized only for what changed.</para>
/// </remarks>
public static class PlanDiff
{
    /// <summary>Compares two plans.</summary>
    /// <param name="oldPlan">The earlier plan.</param>
    /// <param name="newPlan">The later plan.</param>
    /// <returns>What changed from <paramref name="oldPlan"/> to <paramref name="newPlan"/>; empty when they are the same.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ChangeSet Compare(Plan oldPlan, Plan newPlan)
    {
        ArgumentNullException.ThrowIfNull(oldPlan);
        ArgumentNullException.ThrowIfNull(newPlan);
        return Differ.ComparePlans(oldPlan, newPlan);
    }

    /// <summary>Compares two region tables.</summary>
    /// <param name="oldRegions">The earlier region table.</param>
    /// <param name="newRegions">The later region table.</param>
    /// <returns>What changed from <paramref name="oldRegions"/> to <paramref name="newRegions"/>; empty when they are the same.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ChangeSet Compare(RegionTable oldRegions, RegionTable newRegions)
    {
        ArgumentNullException.ThrowIfNull(oldRegions);
        ArgumentNullException.ThrowIfNull(newRegions);
        return Differ.CompareRegionTables(oldRegions, newRegions);
    }
}
