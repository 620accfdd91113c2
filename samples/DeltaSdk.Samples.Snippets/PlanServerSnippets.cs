using DeltaSdk.Data;
using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Builder;
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
        app.UseDeltaPlanServer();   // X-Request-Id, problem documents for every error, fault injection when enabled
        app.MapDeltaPlanApi();      // /v1/..., /openapi/v1.json, /healthz/live and /healthz/ready
        app.Run();
        #endregion
    }

    public static async Task InProcessAsync(PlanStoreSeed seed, ILoggerProvider myCapturingProvider)
    {
        #region InProcess
        await using var host = await PlanServerHost.StartAsync(
            new InMemoryPlanStore(seed),
            options =>
            {
                options.ApiKeys.Add(new ApiKeyOptions { Key = "synthetic-write-key-0123456789", CanWrite = true });
                options.EnableFaultInjection = true;
            },
            builder => builder.Logging.AddProvider(myCapturingProvider));
        using var http = host.CreateClient();   // BaseAddress = host.BaseAddress
        #endregion

        #region FaultInjection
        host.Faults.FailNext("/v1/plans/yrd-2024-2026/tasks", count: 2, statusCode: 503, retryAfter: TimeSpan.FromSeconds(1));
        host.Faults.DelayNext("/v1/plans", count: 1, delay: TimeSpan.FromSeconds(5));              // for client timeouts
        host.Faults.AbortNext("/v1/plans", count: 1);                                               // connection dropped, nothing handled
        host.Faults.AbortNext("/v1/plans/yrd-2024-2026/tasks/YRD-1-01/progress", 1, afterHandling: true, method: "POST");
        // ^ the write is made, then the connection drops before the response: the case an Idempotency-Key is for.
        var posts = host.Faults.CountRequests("/v1/plans", "POST");   // and host.Faults.Requests: method, path, query,
                                                                      // Idempotency-Key, If-Match, X-Request-Id, whether a key was sent
        #endregion
        GC.KeepAlive(posts);
    }
}
