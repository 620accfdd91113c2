namespace DeltaSdk.Client;

/// <summary>
/// A resource together with its entity tag, the version a conditional write names in <c>If-Match</c>
/// (see <see cref="DeltaClient.PostProgressAsync"/>).
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Value">The resource.</param>
/// <param name="ETag">The entity tag exactly as the server sent it, quotes included (for example <c>"3f1c…"</c>).</param>
public sealed record Versioned<T>(T Value, string ETag);
