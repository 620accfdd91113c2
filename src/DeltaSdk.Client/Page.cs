using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace DeltaSdk.Client;

/// <summary>
/// One page of a collection, as the Plan API returns it (<c>{"items": [...], "nextPageToken": "..."}</c>).
/// Pass <see cref="NextPageToken"/> back to get the following page, or let the <c>List…Async</c> methods of
/// <see cref="DeltaClient"/> follow the tokens for you.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>
{
    /// <summary>Gets the items of this page, in the server's order.</summary>
    [JsonRequired]
    public ImmutableArray<T> Items { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the opaque token of the following page, or <see langword="null"/> on the last page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextPageToken { get; init; }

    /// <summary>Gets a value indicating whether a following page exists.</summary>
    [JsonIgnore]
    public bool HasMore => NextPageToken is not null;
}
