using System.Globalization;

namespace DeltaSdk.Server.Storage;

/// <summary>The continuation of an <see cref="ObservationFilter.UpdatedSince"/> read, alike in every store: the last revision's sequence and sort key.</summary>
internal static class ObservationChanges
{
    public static string Continuation(long sequence, string sortKey) => string.Create(CultureInfo.InvariantCulture, $"{sequence}|{sortKey}");

    public static (long Sequence, string SortKey) ParseContinuation(string continuation)
    {
        var bar = continuation.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(continuation.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && bar < continuation.Length - 1
            ? (sequence, continuation[(bar + 1)..])
            : throw new FormatException("The change continuation is malformed.");
    }

    /// <summary>Whether a revision at (<paramref name="sequence"/>, <paramref name="sortKey"/>) comes after the continuation's position.</summary>
    public static bool IsAfter(long sequence, string sortKey, (long Sequence, string SortKey) position)
        => sequence > position.Sequence || (sequence == position.Sequence && string.CompareOrdinal(sortKey, position.SortKey) > 0);
}
