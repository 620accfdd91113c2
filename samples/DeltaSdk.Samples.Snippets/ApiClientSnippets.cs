using DeltaSdk.Analytics;
using DeltaSdk.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/api-client.md.</summary>
internal static class ApiClientSnippets
{
    public static void RegisterFromConfiguration(WebApplicationBuilder builder)
    {
        #region RegisterFromConfiguration
        builder.Services.AddDeltaClient(builder.Configuration.GetSection("DeltaClient"));
        #endregion
    }

    public static void RegisterInCode(IServiceCollection services, string deltaApiKey)
    {
        #region RegisterInCode
        services.AddDeltaClient(options =>
        {
            options.BaseAddress = new Uri("http://127.0.0.1:5080/");
            options.ApiKey = deltaApiKey;   // from a secret store
        });
        #endregion
    }

    public static async Task WithoutAContainerAsync()
    {
        #region WithoutAContainer
        var services = new ServiceCollection();
        services.AddDeltaClient(o => o.BaseAddress = new Uri("http://127.0.0.1:5080/"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DeltaClient>();
        #endregion
        GC.KeepAlive(client);
    }

    public static void WithNew()
    {
        #region WithNew
        var client = new DeltaClient(new DeltaClientOptions { BaseAddress = new Uri("http://127.0.0.1:5080/") });
        #endregion
        GC.KeepAlive(client);
    }

    public static async Task ReadingAsync(DeltaClient client, CancellationToken cancellationToken)
    {
        #region Reading
        var plan = await client.GetPlanAsync(PlanId.Parse("yrd-2024-2026"), cancellationToken);
        var summary = await client.GetPlanSummaryAsync(plan.Id, cancellationToken);

        await foreach (var task in client.ListTasksAsync(plan.Id, new TaskQuery { Region = RegionCode.Parse("310000") }, cancellationToken))
        {
            Console.WriteLine($"{task.Task.Code} {task.Task.Title.Get("en")}");
        }
        #endregion
        GC.KeepAlive(summary);
    }

    public static async Task PagingAsync(DeltaClient client, PlanId planId)
    {
        #region Paging
        var page = await client.GetTasksPageAsync(planId, new TaskQuery { PageSize = 100 });
        while (page.HasMore)
        {
            page = await client.GetTasksPageAsync(planId, new TaskQuery { PageSize = 100 }, page.NextPageToken);
        }
        #endregion
    }

    public static async Task WritingAsync(DeltaClient client, PlanId planId, TaskCode code)
    {
        #region Writing
        var current = await client.GetTaskAsync(planId, code);
        var report = new ProgressReport
        {
            Plan = planId,
            Task = code,
            ReportedOn = new LocalDate(2025, 12, 31),
            Status = ImplementationStatus.InProgress,
            PercentComplete = 40,
        };

        try
        {
            var stored = await client.PostProgressAsync(planId, code, report, current.ETag);
            Console.WriteLine($"Stored; the task's ETag is now {stored.ETag}.");
        }
        catch (DeltaConflictException)
        {
            // Someone wrote first: read the task again, re-apply the change, post with the new ETag.
        }
        #endregion
    }

    public static async Task ErrorsAsync(DeltaClient client, PlanId planId, TaskCode code, ProgressReport report, DeltaSdk.Api.ETag etag)
    {
        try
        {
            await client.PostProgressAsync(planId, code, report, etag);
        }
        #region ValidationErrors
        catch (DeltaApiException e) when (e.ErrorCode == "validation_failed")
        {
            foreach (var d in e.Diagnostics)
            {
                Console.WriteLine($"{d.Severity} {d.Code} at {d.Path}: {d.Message}");
            }
        }
        #endregion
    }
}

#region FakeDeltaClient
internal sealed class FakeDeltaClient : DeltaClient
{
    public override Task<Versioned<DeltaSdk.Api.TrackedTask>> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
        => Task.FromResult(DeltaModelFactory.Versioned(DeltaModelFactory.TrackedTask(new KeyTask { Code = code, Title = LocalizedText.Create(null, "A task") })));

    public override Task<ProgressSummary> GetProgressRollupAsync(PlanId planId, RegionCode? region = null, AspectId? aspect = null, LocalDate? asOf = null, CancellationToken cancellationToken = default)
        => Task.FromResult(DeltaModelFactory.ProgressSummary(
            planId,
            asOf ?? new LocalDate(2025, 6, 30),
            DeltaModelFactory.ProgressFigure(tasksInScope: 4, tasksReported: 1, tasksCompleted: 1, percentComplete: 25, percentCompleteOfReported: 100),
            region: region));

    public override IAsyncEnumerable<DeltaSdk.Api.TrackedTask> ListTasksAsync(PlanId planId, TaskQuery? query = null, CancellationToken cancellationToken = default)
        => new[] { DeltaModelFactory.TrackedTask(new KeyTask { Code = TaskCode.Parse("T-1"), Title = LocalizedText.Create(null, "A task") }) }.ToAsyncEnumerable();
}
#endregion
