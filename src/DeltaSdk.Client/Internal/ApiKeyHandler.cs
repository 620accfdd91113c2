namespace DeltaSdk.Client.Internal;

/// <summary>Adds the configured API key as <c>X-Api-Key</c> to each request that does not carry one.</summary>
internal sealed class ApiKeyHandler : DelegatingHandler
{
    private readonly string? _apiKey;

    public ApiKeyHandler(DeltaClientOptions options)
    {
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_apiKey is not null && !request.Headers.Contains(DeltaHeaders.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(DeltaHeaders.ApiKey, _apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
