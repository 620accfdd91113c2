using DeltaSdk.Serialization;

namespace DeltaSdk.Data;

/// <summary>
/// The embedded dataset of the <i>Three-Year Action Plan for the Integrated Development of the Yangtze River Delta
/// Region (2024-2026)</i>: the plan with its aspects and catalogued key tasks, the region table with its named
/// groups, and the indicator observations. Every fact carries its sources.
/// </summary>
/// <remarks>
/// <para>
/// Each document is read from an embedded resource in the canonical JSON format the first time it is used, once,
/// even when several threads ask at the same time; later reads return the same immutable instance.
/// </para>
/// <para>
/// The catalogue is partial on purpose: the plan declares 165 key tasks, but public sources describe only some of
/// them. Compare <see cref="Plan.CataloguedTaskCount"/> with <see cref="Plan.DeclaredTaskCount"/>, and
/// <see cref="Aspect.Tasks"/> with <see cref="Aspect.DeclaredTaskCount"/>, which is <see langword="null"/> where no
/// source publishes it.
/// </para>
/// </remarks>
public static class YangtzeRiverDelta
{
    /// <summary>The manifest name of the embedded plan document.</summary>
    internal const string PlanResourceName = "DeltaSdk.Data.Resources.plan-2024-2026.json";

    /// <summary>The manifest name of the embedded region table document.</summary>
    internal const string RegionsResourceName = "DeltaSdk.Data.Resources.regions.json";

    /// <summary>The manifest name of the embedded observation batch document.</summary>
    internal const string ObservationsResourceName = "DeltaSdk.Data.Resources.observations.json";

    // Lazy<T> defaults to ExecutionAndPublication: one thread parses, the others wait for its result.
    private static readonly Lazy<Plan> _plan = new(static () => DeltaJson.ReadPlan(ReadResource(PlanResourceName)));
    private static readonly Lazy<RegionTable> _regions = new(static () => DeltaJson.ReadRegions(ReadResource(RegionsResourceName)));
    private static readonly Lazy<ObservationBatch> _observations = new(static () => DeltaJson.ReadObservations(ReadResource(ObservationsResourceName)));
    private static readonly Lazy<PlanIndex> _index = new(static () => PlanIndex.Create(ActionPlan2024To2026, Regions));

    /// <summary>
    /// Gets the 2024-2026 action plan (id <c>yrd-2024-2026</c>): nine aspects, 165 declared key tasks, the tasks
    /// public sources describe, the bodies they name and the indicators for the published figures.
    /// </summary>
    /// <exception cref="DeltaFormatException">The embedded document is damaged (a build defect, not a user error).</exception>
    public static Plan ActionPlan2024To2026 => _plan.Value;

    /// <summary>
    /// Gets the region table: Shanghai, Jiangsu, Zhejiang and Anhui, their 40 prefecture-level cities, the
    /// county-level units that the plan's named sub-regions need, and the named groups (the whole region, the
    /// demonstration zone, the central area, the G60 corridor, the metropolitan circles and the cooperation zones).
    /// </summary>
    /// <exception cref="DeltaFormatException">The embedded document is damaged (a build defect, not a user error).</exception>
    public static RegionTable Regions => _regions.Value;

    /// <summary>Gets the published observations of the plan's indicators, each with its source.</summary>
    /// <exception cref="DeltaFormatException">The embedded document is damaged (a build defect, not a user error).</exception>
    public static ObservationBatch Observations => _observations.Value;

    /// <summary>
    /// Gets a query index over <see cref="ActionPlan2024To2026"/> and <see cref="Regions"/>: tasks by aspect, region,
    /// agency and tag, text search, and region look-ups by code or name (with suggestions for misspelt names).
    /// </summary>
    /// <exception cref="DeltaFormatException">An embedded document is damaged (a build defect, not a user error).</exception>
    public static PlanIndex Index => _index.Value;

    /// <summary>Reads an embedded resource of this assembly into memory.</summary>
    /// <param name="name">The manifest resource name.</param>
    /// <returns>The resource's bytes.</returns>
    /// <exception cref="InvalidOperationException">The assembly holds no resource of that name.</exception>
    internal static byte[] ReadResource(string name)
    {
        using var stream = typeof(YangtzeRiverDelta).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {typeof(YangtzeRiverDelta).Assembly.GetName().Name}: the build did not embed the dataset.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
