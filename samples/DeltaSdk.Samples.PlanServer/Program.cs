using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using DeltaSdk.Samples.PlanServer;

// Runs the Plan API: dotnet run --project samples/DeltaSdk.Samples.PlanServer -- --urls http://127.0.0.1:5080
// On a SQLite file by default; on PostgreSQL with DeltaServer__Storage__Provider=PostgreSql (and, for a database other
// than the one in appsettings.json, ConnectionStrings__DeltaPlan="Host=...;Database=...;Username=...;Password=...").
var builder = WebApplication.CreateBuilder(args);
var section = builder.Configuration.GetSection(DeltaServerOptions.SectionName);

builder.Services.AddDeltaPlanServer(section);
builder.Services.AddDeltaPlanStore(SampleSeed.Load(section));

var app = builder.Build();
app.UseDeltaPlanServer();
app.MapDeltaPlanApi();
app.Logger.LogInformation("Plan API on {Store}; OpenAPI document at /openapi/v1.json, health at /healthz/live and /healthz/ready", app.Services.GetRequiredService<IPlanStore>().GetType().Name);
await app.RunAsync();
