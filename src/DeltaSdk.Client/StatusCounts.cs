namespace DeltaSdk.Client;

/// <summary>How many key tasks are in each implementation status, by their latest progress report.</summary>
public sealed record StatusCounts
{
    /// <summary>Gets the number of tasks whose latest report says not started.</summary>
    public int NotStarted { get; init; }

    /// <summary>Gets the number of tasks whose latest report says in progress.</summary>
    public int InProgress { get; init; }

    /// <summary>Gets the number of tasks whose latest report says completed.</summary>
    public int Completed { get; init; }

    /// <summary>Gets the number of tasks whose latest report says delayed.</summary>
    public int Delayed { get; init; }

    /// <summary>Gets the number of tasks whose latest report says suspended.</summary>
    public int Suspended { get; init; }

    /// <summary>Gets the number of tasks with no progress report.</summary>
    public int Unreported { get; init; }
}
