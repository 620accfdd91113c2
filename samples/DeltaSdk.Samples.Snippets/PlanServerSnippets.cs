using DeltaSdk.Data;
using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/plan-server.md.</summary>
internal static class PlanServerSnippets
{
    public static void HostInYourApplication(string[] args)
    {
        #region HostInYourApplication
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDeltaPlanServer(builder.Configuration.GetSection(DeltaServerOptions.SectionName));
        builder.Services.AddDeltaPlanStore(new PlanStoreSeed   // the store DeltaServer:Storage names, seeded when empty
        {
            Plans = [YangtzeRiverDelta.ActionPlan2024To2026],
            Regions = YangtzeRiverDelta.Regions,
            Observations = YangtzeRiverDelta.Observations.Observations,
        });

        var app = builder.Build();
        app.UseDeltaPlanServer();   // X-Request-Id, problem documents for every error
        app.MapDeltaPlanApi();      // /v1/..., /openapi/v1.json, /healthz/live and /healthz/ready
        app.Run();
        #endregion
    }

    public static async Task InProcessAsync(PlanStoreSeed seed, ILoggerProvider myCapturingProvider)
    {
        #region InProcess
        await using var host = await PlanServerHost.StartAsync(
            new InMemoryPlanStore(seed),
            options => options.ApiKeys.Add(new ApiKeyOptions { Key = "synthetic-write-key-0123456789", CanWrite = true }),
            builder => builder.Logging.AddProvider(myCapturingProvider));
        using var http = host.CreateClient();   // BaseAddress = host.BaseAddress
        #endregion
        GC.KeepAlive(http);
    }

    public static async Task FaultInjectionAsync(PlanStoreSeed seed)
    {
        #region FaultInjection
        // The next two task reads fail with 503 and Retry-After: 1, to test a client's retries.
        var failuresLeft = 2;
        await using var host = await PlanServerHost.StartAsync(
            new InMemoryPlanStore(seed),
            configureApp: app => app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/v1/plans/yrd-2024-2026/tasks") && Interlocked.Decrement(ref failuresLeft) >= 0)
                {
                    // An empty-bodied error: the server turns it into a problem document and keeps the header.
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }

                await next(context);
            }));
        #endregion
    }
}
