namespace DeltaSdk.Server.Storage;

/// <summary>A key task as stored: the task, its version and its latest progress report.</summary>
public sealed record StoredTask
{
    /// <summary>Gets the task.</summary>
    public required KeyTask Task { get; init; }

    /// <summary>Gets the task's version: 1 at first, one more for each progress report posted for it. The ETag derives from it.</summary>
    public required long Version { get; init; }

    /// <summary>Gets the latest progress report (latest <see cref="ProgressReport.ReportedOn"/>, then latest recorded), if any.</summary>
    public ProgressReport? LatestReport { get; init; }
}
