using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace DeltaSdk.Server.Contracts;

/// <summary>The envelope of every list response: one page of items and the token of the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record ItemPage<T>
{
    /// <summary>Gets the items of this page, in the list's order.</summary>
    public required ImmutableArray<T> Items { get; init => field = value.IsDefault ? [] : value; }

    /// <summary>
    /// Gets the opaque token that fetches the next page (pass it back as <c>pageToken</c>), or <see langword="null"/>
    /// on the last page. Always written, as <c>null</c> on the last page.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextPageToken { get; init; }
}
