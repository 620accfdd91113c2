using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeltaSdk.Server.Http;

/// <summary>The paging part of a list request, checked: a bounded size and the store continuation its token carries.</summary>
internal readonly record struct PageRequest(int Size, string? Continuation, string QueryKey)
{
    public static bool TryCreate(int? pageSize, string? pageToken, string queryKey, DeltaServerOptions options, out PageRequest request, [NotNullWhen(false)] out ProblemResult? problem)
    {
        request = default;
        problem = null;
        var size = pageSize ?? options.DefaultPageSize;
        if (size < 1 || size > options.MaxPageSize)
        {
            problem = ProblemResult.BadRequest(string.Create(CultureInfo.InvariantCulture, $"pageSize must be between 1 and {options.MaxPageSize}; it was {size}."));
            return false;
        }

        string? continuation = null;
        if (!string.IsNullOrEmpty(pageToken) && !PageTokens.TryRead(pageToken, queryKey, out continuation))
        {
            problem = ProblemResult.BadRequest("pageToken is not a token this query returned: pass back nextPageToken unchanged, with the same filters.");
            return false;
        }

        request = new PageRequest(size, continuation, queryKey);
        return true;
    }

    public string? NextToken(string? continuation) => PageTokens.Create(continuation, QueryKey);
}
