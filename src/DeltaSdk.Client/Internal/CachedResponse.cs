namespace DeltaSdk.Client.Internal;

/// <summary>A kept GET response: its entity tag, body and content type.</summary>
/// <param name="ETag">The entity tag as sent, quotes included.</param>
/// <param name="Body">The body bytes; never changed after it is kept.</param>
/// <param name="ContentType">The <c>Content-Type</c> header value, when there was one.</param>
internal sealed record CachedResponse(string ETag, byte[] Body, string? ContentType);
