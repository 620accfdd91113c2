using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DeltaSdk.Server.Http;

/// <summary>Entity tags: content digests for read-only representations, versions for tasks, revisions for plans.</summary>
internal static class ETags
{
    private const string VersionPrefix = "\"v";
    private const string RevisionPrefix = "\"r";

    /// <summary>A strong ETag from the representation's bytes, so that equal bodies share it across restarts and stores.</summary>
    public static string ForContent(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "\"" + WebEncoders.Base64UrlEncode(hash[..16]) + "\"";
    }

    public static string ForVersion(long version) => VersionPrefix + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static bool TryParseVersion(string etag, out long version) => TryParseNumber(etag, VersionPrefix, out version);

    /// <summary>A plan's ETag: its revision, so that a write can name the revision it was made against.</summary>
    public static string ForRevision(long revision) => RevisionPrefix + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    public static bool TryParseRevision(string etag, out long revision) => TryParseNumber(etag, RevisionPrefix, out revision);

    private static bool TryParseNumber(string etag, string prefix, out long number)
    {
        number = 0;
        return etag.StartsWith(prefix, StringComparison.Ordinal)
            && etag.EndsWith('"')
            && long.TryParse(etag.AsSpan(prefix.Length, etag.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Whether <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison, as RFC 9110 prescribes for it).</summary>
    public static bool IfNoneMatchHits(HttpRequest request, string etag)
    {
        var values = request.Headers.IfNoneMatch;
        if (values.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary>Respond 304 when the client already has this representation, else with the body.</summary>
    public static IResult Conditional(HttpRequest request, ReadOnlyMemory<byte> body, string etag)
        => IfNoneMatchHits(request, etag) ? new NotModifiedResult(etag) : new JsonBytesResult(StatusCodes.Status200OK, body, etag);

    public static IResult ConditionalJson<T>(HttpRequest request, T value)
    {
        var body = ServerJson.Serialize(value);
        return Conditional(request, body, ForContent(body));
    }
}
