namespace DeltaSdk.Client;

/// <summary>
/// A resource together with its entity tag, the version a conditional write names in <c>If-Match</c>
/// (see <see cref="DeltaClient.PostProgressAsync"/>).
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Value">The resource.</param>
/// <param name="ETag">The entity tag the server sent; pass it to a conditional write as it is (its header form is <c>ETag.ToString("H")</c>).</param>
public sealed record Versioned<T>(T Value, DeltaSdk.Api.ETag ETag);
