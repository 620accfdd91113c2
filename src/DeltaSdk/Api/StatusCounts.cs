namespace DeltaSdk.Api;

/// <summary>How many key tasks are in each implementation status, by their latest progress report.</summary>
public sealed record StatusCounts
{
    /// <summary>Gets the number of tasks whose latest report says <see cref="ImplementationStatus.NotStarted"/>.</summary>
    public int NotStarted { get; init; }

    /// <summary>Gets the number of tasks whose latest report says <see cref="ImplementationStatus.InProgress"/>.</summary>
    public int InProgress { get; init; }

    /// <summary>Gets the number of tasks whose latest report says <see cref="ImplementationStatus.Completed"/>.</summary>
    public int Completed { get; init; }

    /// <summary>Gets the number of tasks whose latest report says <see cref="ImplementationStatus.Delayed"/>.</summary>
    public int Delayed { get; init; }

    /// <summary>Gets the number of tasks whose latest report says <see cref="ImplementationStatus.Suspended"/>.</summary>
    public int Suspended { get; init; }

    /// <summary>Gets the number of catalogued tasks with no progress report.</summary>
    public int Unreported { get; init; }
}
