using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace DeltaSdk.Api;

/// <summary>
/// One page of a collection, the envelope of every Plan API list response
/// (<c>{"items": [...], "nextPageToken": "..."}</c>). Pass <see cref="NextPageToken"/> back as <c>pageToken</c> to get
/// the following page.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>
{
    /// <summary>Gets the items of this page, in the list's order.</summary>
    [JsonRequired]
    public ImmutableArray<T> Items { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Gets the opaque token of the following page, or <see langword="null"/> on the last page. Always written, as
    /// <c>null</c> on the last page.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextPageToken { get; init; }

    /// <summary>Gets a value indicating whether a following page exists.</summary>
    [JsonIgnore]
    public bool HasMore => NextPageToken is not null;
}
