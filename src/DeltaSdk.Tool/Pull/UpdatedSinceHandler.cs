using System.Web;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Tool.Pull;

/// <summary>
/// Adds <c>updatedSince</c> to the list requests of a pull (tasks, observations, progress), the Plan API's parameter
/// for incremental reads. Added as a handler of the client's <see cref="HttpClient"/> (its builder stays open for
/// that) because <see cref="DeltaSdk.Client.DeltaClient"/> has no such query member yet.
/// </summary>
internal sealed class UpdatedSinceHandler(Instant since) : DelegatingHandler
{
    /// <summary>The query parameter's name.</summary>
    public const string ParameterName = "updatedSince";

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get && request.RequestUri is { } uri && IsList(uri.AbsolutePath))
        {
            var builder = new UriBuilder(uri);
            var query = HttpUtility.ParseQueryString(builder.Query);
            query[ParameterName] = InstantPattern.ExtendedIso.Format(since);
            builder.Query = query.ToString();
            request.RequestUri = builder.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool IsList(string path)
        => path.EndsWith("/tasks", StringComparison.Ordinal)
           || path.EndsWith("/observations", StringComparison.Ordinal)
           || path.EndsWith("/progress", StringComparison.Ordinal);
}
