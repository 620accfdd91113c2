namespace DeltaSdk.Analytics;

/// <summary>The three cut-offs that turn a progress value into a status: at or above <see cref="High"/> is substantial progress, and so on down.</summary>
/// <param name="High">The least value for <see cref="IndicatorProgressStatus.SubstantialProgress"/>.</param>
/// <param name="Moderate">The least value for <see cref="IndicatorProgressStatus.ModerateProgress"/>.</param>
/// <param name="Low">The least value for <see cref="IndicatorProgressStatus.LimitedProgress"/>; below it is deterioration.</param>
public sealed record ProgressThresholds(double High, double Moderate, double Low)
{
    /// <summary>Gets Open SDG's thresholds for a ratio to the required growth (with a target): 0.95, 0.60, 0.</summary>
    public static ProgressThresholds WithTarget { get; } = new(0.95, 0.60, 0);

    /// <summary>Gets Open SDG's thresholds for an annual growth rate (without a target): 1.5%, 0.5%, 0.</summary>
    public static ProgressThresholds WithoutTarget { get; } = new(0.015, 0.005, 0);

    /// <summary>Classifies a progress value.</summary>
    /// <param name="value">The progress value.</param>
    /// <returns>The status the value falls in.</returns>
    public IndicatorProgressStatus Classify(double value) => value >= High ? IndicatorProgressStatus.SubstantialProgress
        : value >= Moderate ? IndicatorProgressStatus.ModerateProgress
        : value >= Low ? IndicatorProgressStatus.LimitedProgress
        : IndicatorProgressStatus.Deterioration;
}
