// A consumer of the DeltaSdk packages, as a user would write one, published with native AOT in CI. It touches the
// paths where reflection would creep in: the canonical JSON (NodaTime dates and instants included), validation, the
// embedded dataset, and the client's generated Refit interface and DI registration. The client answers from a canned
// handler, so the app needs no server. It prints one line per check and "AOT consumer: ok" at the end; CI asserts both.
using System.Net;
using System.Text;
using DeltaSdk;
using DeltaSdk.Client;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

var plan = YangtzeRiverDelta.ActionPlan2024To2026;
Console.WriteLine($"dataset: {plan.Id}, {plan.DeclaredTaskCount} tasks declared, {plan.CataloguedTaskCount} catalogued, {YangtzeRiverDelta.Regions.Regions.Length} regions");

var report = new ProgressReport
{
    Plan = plan.Id,
    Task = plan.AllTasks.First().Code,
    ReportedOn = new LocalDate(2025, 3, 31),
    Status = ImplementationStatus.InProgress,
    PercentComplete = 40,
    RecordedAt = Instant.FromUtc(2025, 4, 1, 8, 30, 15) + Duration.FromMilliseconds(123),
};
var json = DeltaJson.WriteProgressReport(report);
var read = DeltaJson.ReadProgressReport(json);
Check(read.ReportedOn == report.ReportedOn && read.RecordedAt == report.RecordedAt, $"json: round trip of a progress report, recordedAt {read.RecordedAt}");

try
{
    DeltaJson.ReadProgressReport(json.Replace("2025-03-31", "2025-02-30", StringComparison.Ordinal));
    Check(false, "json: an invalid date was read");
}
catch (DeltaFormatException exception)
{
    Check(exception.Path == "$.reportedOn", $"json: invalid date refused at {exception.Path}");
}

var validation = DeltaValidator.Default.Validate(plan, YangtzeRiverDelta.Regions);
Check(validation.IsValid, $"validation: embedded plan valid, {validation.WarningCount} warning(s), {validation.InfoCount} information");

var services = new ServiceCollection();
services.AddDeltaClient(options => options.BaseAddress = new Uri("http://127.0.0.1:9/"))
    .ConfigurePrimaryHttpMessageHandler(() => new CannedPlanHandler(DeltaJson.WritePlan(plan)));
await using (var provider = services.BuildServiceProvider())
{
    var client = provider.GetRequiredService<DeltaClient>();
    var fetched = await client.GetPlanAsync(plan.Id);
    Check(fetched.Id == plan.Id && fetched.CataloguedTaskCount == plan.CataloguedTaskCount, $"client: GetPlanAsync read {fetched.CataloguedTaskCount} tasks through Refit");
}

Console.WriteLine("AOT consumer: ok");
return 0;

static void Check(bool condition, string message)
{
    if (!condition)
    {
        Console.Error.WriteLine("FAILED " + message);
        Environment.Exit(1);
    }

    Console.WriteLine("ok   " + message);
}

/// <summary>Answers every request with the plan document, as the Plan API's GET /v1/plans/{planId} would.</summary>
internal sealed class CannedPlanHandler(string planJson) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(planJson, Encoding.UTF8, "application/json"),
        });
}
