using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using DeltaSdk.Samples.PlanServer;

// Runs the Plan API on a SQLite file: dotnet run --project samples/DeltaSdk.Samples.PlanServer -- --urls http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
var section = builder.Configuration.GetSection(DeltaServerOptions.SectionName);
var databasePath = section["DatabasePath"] is { Length: > 0 } configured ? configured : Path.Combine("data", "delta-plan.db");

builder.Services.AddDeltaPlanServer(section);
builder.Services.AddSingleton<IPlanStore>(_ => new SqlitePlanStore(databasePath, SampleSeed.Load(section)));

var app = builder.Build();
app.UseDeltaPlanServer();
app.MapDeltaPlanApi();
app.Logger.LogInformation("Plan API over {DatabasePath}; OpenAPI document at /openapi/v1.json", Path.GetFullPath(databasePath));
await app.RunAsync();
