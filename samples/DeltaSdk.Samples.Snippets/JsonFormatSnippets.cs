using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/json-format.md.</summary>
internal static class JsonFormatSnippets
{
    public static async Task ReadingAndWritingAsync(Stream stream, IAsyncEnumerable<Observation> observations, ProgressReport report, CancellationToken ct)
    {
        #region ReadingAndWriting
        Plan plan = DeltaJson.ReadPlan(File.ReadAllBytes("plan.json"));          // string, ReadOnlySpan<byte>/byte[]
        Plan same = await DeltaJson.ReadPlanAsync(stream, cancellationToken: ct);  // Stream
        string json = DeltaJson.WritePlan(plan);                                   // also ...ToUtf8Bytes, IBufferWriter<byte>, WritePlanAsync(Stream)

        // The same for ReadRegions/WriteRegions, ReadObservations/WriteObservations, ReadProgressReport/WriteProgressReport.

        // Observation batches of any size, in constant memory:
        await foreach (Observation o in DeltaJson.StreamObservationsAsync(stream, cancellationToken: ct))
        {
            Console.WriteLine($"{o.Indicator} {o.Period}: {o.Value}");
        }

        await DeltaJson.WriteObservationsAsync(stream, observations, plan: PlanId.Parse("yrd-2024-2026"), cancellationToken: ct);

        // With other serializers (HTTP clients, ASP.NET Core): the shared, read-only options.
        string reportJson = JsonSerializer.Serialize(report, DeltaJson.Options);
        #endregion
        GC.KeepAlive((same, json, reportJson));
    }

    public static JsonSerializerOptions CombinedResolver()
    {
        #region CombinedResolver
        var options = new JsonSerializerOptions(DeltaJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(DeltaJson.Options.TypeInfoResolver, MyJsonContext.Default),
        };
        #endregion
        return options;
    }

    public static Plan Strict(string json)
    {
        #region StrictMode
        var strict = DeltaJsonReaderOptions.StrictDefault;          // unknown members are errors
        var roomy = DeltaJsonReaderOptions.Default with { MaxDepth = 128, MaxDocumentBytes = 256L << 20 };
        Plan plan = DeltaJson.ReadPlan(json, strict);
        #endregion
        GC.KeepAlive(roomy);
        return plan;
    }
}

/// <summary>A type of the application's own that holds DeltaSdk models.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Note">A note of the application.</param>
internal sealed record MyDashboardCard(PlanId Plan, string Note);

/// <summary>The application's own source-generated context, chained after the core's resolver.</summary>
[JsonSerializable(typeof(MyDashboardCard))]
internal sealed partial class MyJsonContext : JsonSerializerContext;
