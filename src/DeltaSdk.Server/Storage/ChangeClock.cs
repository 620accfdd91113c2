using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The in-memory store's change clock: hands out <see cref="ChangeStamp"/>s as the SQL stores' <c>change_clock</c> row
/// does (<see cref="SqlQueries.NextChangeAsync"/>). Not thread-safe: the caller holds the store's lock, which is also
/// what makes stamp order the order in which writes become visible.
/// </summary>
internal sealed class ChangeClock
{
    private long _sequence;
    private long _recordedAtMicros;

    /// <summary>Gets the stamp of the last write, or sequence 0 at the epoch before any.</summary>
    public ChangeStamp Last => new(_sequence, StoreHelpers.FromMicros(_recordedAtMicros));

    /// <summary>Takes the next stamp.</summary>
    /// <param name="now">The writer's clock.</param>
    /// <returns>The stamp: the next sequence, recorded at <paramref name="now"/> or just after the previous write.</returns>
    public ChangeStamp Next(Instant now)
    {
        _sequence++;
        _recordedAtMicros = StoreHelpers.NextRecordedAt(_recordedAtMicros, now);
        return Last;
    }
}
