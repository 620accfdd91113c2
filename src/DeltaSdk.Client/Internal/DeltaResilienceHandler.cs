using Polly;
using Polly.Timeout;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Sends each request through the client's Polly pipeline (<see cref="DeltaResiliencePipeline"/>). Each attempt reads
/// the whole response body, so that the body is under the attempt's time limit and its retries. Removed by
/// <c>RemoveDeltaResilienceHandler()</c> when an application brings its own (for example <c>AddStandardResilienceHandler()</c>).
/// </summary>
internal sealed class DeltaResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly DeltaClientOptions _options;

    public DeltaResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, DeltaClientOptions options)
    {
        _pipeline = pipeline;
        _options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_options.MaxRetries > 0 && request.Content is not null && DeltaResiliencePipeline.IsReplayable(request))
        {
            // A buffered body can be sent again on the next attempt.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DeltaResiliencePipeline.RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            if (outcome.Exception is TimeoutRejectedException rejected && !cancellationToken.IsCancellationRequested)
            {
                // The option that set the limit is named, as DeltaTransportException's message promises.
                var limit = context.Properties.GetValue(DeltaResiliencePipeline.TimedOutKey, "AttemptTimeout");
                var value = limit == "OverallTimeout" ? _options.OverallTimeout : _options.AttemptTimeout;
                throw new TimeoutException(DeltaResiliencePipeline.TimeoutMessage(limit, value), rejected);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
