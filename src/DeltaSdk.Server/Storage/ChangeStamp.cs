using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// Where a write sits in a store's history: its place in the one store-wide order of writes, and when it was recorded.
/// Both rise together: a later <see cref="Sequence"/> always has a later <see cref="RecordedAt"/>.
/// </summary>
/// <param name="Sequence">The write's place in commit order, one more than the write before it, across every instance sharing the storage.</param>
/// <param name="RecordedAt">When the write was recorded, to the microsecond: the writer's clock, or one microsecond after the write before it when that clock is behind.</param>
internal readonly record struct ChangeStamp(long Sequence, Instant RecordedAt);
