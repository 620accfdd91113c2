using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Opaque page tokens: the store's continuation bound to the query it came from, so that a token replayed against
/// other filters is refused instead of silently skipping or repeating items.
/// </summary>
internal static class PageTokens
{
    private const int QueryTagLength = 8;

    public static string? Create(string? continuation, string queryKey)
        => continuation is null ? null : WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(QueryTag(queryKey) + continuation));

    public static bool TryRead(string token, string queryKey, out string continuation)
    {
        continuation = string.Empty;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return false;
        }

        if (text.Length <= QueryTagLength || !text.StartsWith(QueryTag(queryKey), StringComparison.Ordinal))
        {
            return false;
        }

        continuation = text[QueryTagLength..];
        return true;
    }

    private static string QueryTag(string queryKey)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queryKey)))[..QueryTagLength];
}
