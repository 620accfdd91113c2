namespace DeltaSdk.Analytics;

/// <summary>Names the method a result was computed by, so that a figure can be reproduced and compared only with its like.</summary>
/// <param name="Id">The method's stable identifier, for example <c>open-sdg-progress-measure</c>.</param>
/// <param name="Version">The method's version; it changes whenever a figure computed from the same input could change.</param>
/// <param name="Reference">Where the method is documented.</param>
public sealed record AnalyticsMethodology(string Id, string Version, Uri Reference)
{
    /// <summary>Gets the default indicator status method: the Open SDG progress measure (Statistics Canada's method).</summary>
    public static AnalyticsMethodology OpenSdgProgressMeasure { get; } = new(
        "open-sdg-progress-measure",
        "1.0",
        new Uri("https://github.com/deltasdk/deltasdk/blob/main/docs/articles/progress.md#indicator-status-the-open-sdg-progress-measure"));

    /// <summary>Gets the task roll-up method: each task in scope weighs the same, each reporting region within a task weighs the same.</summary>
    public static AnalyticsMethodology EqualWeightTaskRollup { get; } = new(
        "deltasdk-equal-weight-task-rollup",
        "1.0",
        new Uri("https://github.com/deltasdk/deltasdk/blob/main/docs/articles/progress.md#task-roll-ups"));
}
