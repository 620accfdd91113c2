namespace DeltaSdk.Server.Storage;

/// <summary>A progress report as stored, with the identifier the store gave it.</summary>
public sealed record StoredProgressReport
{
    /// <summary>Gets the store's identifier of the report, unique within the store and increasing in recording order.</summary>
    public required long Id { get; init; }

    /// <summary>Gets the report, with <see cref="ProgressReport.RecordedAt"/> set.</summary>
    public required ProgressReport Report { get; init; }
}
