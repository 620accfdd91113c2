using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Http;

/// <summary>The request identifier every response carries in <c>X-Request-Id</c>: the caller's when it is sane, else a new one.</summary>
internal static class RequestIds
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;
    private static readonly object ItemKey = new();

    public static string Get(HttpContext context)
        => context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : context.TraceIdentifier;

    public static string Assign(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = IsSane(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return id;
    }

    // Echoing arbitrary text into a header and into logs invites header and log injection: only visible ASCII passes.
    private static bool IsSane(string value)
        => value.Length is > 0 and <= MaxLength && value.All(static c => c is > ' ' and <= '~');
}
