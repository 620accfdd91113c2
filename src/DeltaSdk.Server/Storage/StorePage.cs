namespace DeltaSdk.Server.Storage;

/// <summary>One page of a store query and the store's continuation for the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record StorePage<T>
{
    /// <summary>Gets the items.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>
    /// Gets where the next page starts, in a form only the same store understands, or <see langword="null"/> when this is the last page.
    /// </summary>
    public string? Continuation { get; init; }
}
