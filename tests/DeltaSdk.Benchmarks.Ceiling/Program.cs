// The ceiling of tests/DeltaSdk.Benchmarks/Server/throughput.sh: a minimal ASP.NET Core endpoint that answers with the
// very bytes (and ETag) the Plan API returned for a page and for a task, read once from the files the script saved, so
// the difference to the Plan API is the Plan API's own work. Usage:
//   dotnet DeltaSdk.Benchmarks.Ceiling.dll --urls http://127.0.0.1:5090 page.json task.json
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var files = args.Where(static a => a.EndsWith(".json", StringComparison.Ordinal)).ToArray();
var page = await File.ReadAllBytesAsync(files[0]);
var task = await File.ReadAllBytesAsync(files[1]);

app.MapGet("/page", (HttpContext context) => WriteAsync(context, page, "\"page\""));
app.MapGet("/task", (HttpContext context) => WriteAsync(context, task, "\"v1\""));
await app.RunAsync();

static Task WriteAsync(HttpContext context, byte[] body, string etag)
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    context.Response.Headers.ETag = etag;
    return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
}
