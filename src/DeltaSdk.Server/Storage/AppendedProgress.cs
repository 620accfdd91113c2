namespace DeltaSdk.Server.Storage;

/// <summary>A progress report a store has just appended, and the task's version after it.</summary>
public sealed record AppendedProgress
{
    /// <summary>Gets the stored report.</summary>
    public required StoredProgressReport Report { get; init; }

    /// <summary>Gets the task's new version.</summary>
    public required long TaskVersion { get; init; }
}
