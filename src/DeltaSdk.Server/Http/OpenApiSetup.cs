using Microsoft.AspNetCore.OpenApi;

namespace DeltaSdk.Server.Http;

/// <summary>Shapes the generated OpenAPI document so that it describes the wire contract and is stable across runs.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(static (document, _, _) =>
        {
            document.Info.Title = "DeltaSdk Plan API";
            document.Info.Version = "v1";
            document.Info.Description = "The Plan API of the Three-Year Action Plan for the Integrated Development of the Yangtze River Delta (2024-2026): plans, key tasks, progress reports, regions and indicators, in the canonical DeltaSdk JSON format.";

            // The server's own address differs on every test run and every deployment; clients bring their own.
            document.Servers?.Clear();
            return Task.CompletedTask;
        });
    }
}
