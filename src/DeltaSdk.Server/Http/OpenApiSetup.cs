using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace DeltaSdk.Server.Http;

/// <summary>Shapes the generated OpenAPI document so that it describes the wire contract and is stable across runs.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string ApiKeyScheme = "ApiKey";

    private const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    // Types written by the model's own converters: the schema generator sees no properties in them, so say what the wire holds.
    private static readonly Dictionary<Type, (string? Format, string? Pattern)> StringTypes = new()
    {
        [typeof(LocalDate)] = ("date", null),
        [typeof(Instant)] = ("date-time", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$"), // UTC only, as the core reads it
        [typeof(ReportingPeriod)] = (null, "^[0-9]{4}(-(H[12]|Q[1-4]|[0-9]{2}(-[0-9]{2})?))?$"),
        [typeof(RegionCode)] = (null, "^[1-9][0-9]{5}$"),
        [typeof(TaskCode)] = (null, "^[A-Z0-9]+([.-][A-Z0-9]+)*$"),
        [typeof(PlanId)] = (null, SlugPattern),
        [typeof(AspectId)] = (null, SlugPattern),
        [typeof(AgencyId)] = (null, SlugPattern),
        [typeof(IndicatorId)] = (null, SlugPattern),
        [typeof(RegionGroupId)] = (null, SlugPattern),
    };

    // Every tag of the document (PlanApiEndpoints) has a description: API portals show it above the tag's operations.
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Plans"] = "The action plans: plan documents with their aspects, their revisions (a plan's ETag is its revision, needed to submit a new document), and each plan's progress summary.",
        ["Analytics"] = "Roll-ups of task progress and indicator status, as analysis documents with their methodology.",
        ["Tasks"] = "The key tasks of a plan; a task's ETag is its version, needed to post progress for it or to update it.",
        ["Progress"] = "Progress reports on key tasks: read by anyone, written with an API key and If-Match.",
        ["Regions"] = "The regions of the Yangtze River Delta (provinces and cities) and named groups of them.",
        ["Indicators"] = "The plans' indicators, their observations by reporting period, and writes of observation batches.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(static (document, _, _) =>
        {
            document.Info.Title = "DeltaSdk Plan API";
            document.Info.Version = "v1";
            document.Info.Description = "The Plan API of the Three-Year Action Plan for the Integrated Development of the Yangtze River Delta (2024-2026): plans, key tasks, progress reports, regions and indicators, in the canonical DeltaSdk JSON format. Errors are RFC 9457 problem documents; every response carries X-Request-Id.";

            document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };

            // The server's own address differs on every test run and every deployment: "/" is the host that serves
            // this document (the paths start with /v1), and clients of the checked-in copy bring their own base address.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key with write rights; needed by every POST.",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer(static (operation, context, _) =>
        {
            // Writes need an API key; reads are public, which the document says explicitly (an empty requirement list)
            // rather than by leaving security out, which would mean "unspecified".
            var method = context.Description.HttpMethod;
            operation.Security = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase)
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }]
                : [];

            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { In: ParameterLocation.Header, Name: "If-Match" } planMatch && operation.OperationId is "putPlan" or "putIndicator")
                {
                    planMatch.Required = false;
                    planMatch.Description = operation.OperationId == "putPlan"
                        ? "The plan's current ETag (its revision), from GET of the plan or a dry run. Missing on a write: 428; stale: 412. Optional for a dry run, where a stale one is a 412 too."
                        : "The plan's current ETag (its revision), from GET of the plan. Missing: 428; stale: 412.";
                }
                else if (parameter is OpenApiParameter { In: ParameterLocation.Header, Name: "If-Match" } taskMatch && operation.OperationId == "putTask")
                {
                    taskMatch.Required = false;
                    taskMatch.Description = "The task's current ETag, from GET of the task, to update it (stale: 412). To add a task send If-None-Match: * instead; neither: 428.";
                }
                else if (parameter is OpenApiParameter { In: ParameterLocation.Header, Name: "If-None-Match" } create && operation.OperationId == "putTask")
                {
                    create.Description = "* to add a task that must not exist yet (it does: 412).";
                }
                else if (parameter is OpenApiParameter { In: ParameterLocation.Header } header && header.Name == "If-Match")
                {
                    // Declared optional so that the handler, not the binder, answers a missing one (428 rather than 400).
                    header.Required = true;
                    header.Description = "The task's current ETag, from GET of the task. Missing: 428; stale: 412.";
                }
                else if (parameter is OpenApiParameter { In: ParameterLocation.Header } key && key.Name == PlanApiHandlers.IdempotencyKeyHeader)
                {
                    key.Description = "Makes a retried POST safe: the same key with the same request returns the first response (with Idempotent-Replayed: true); with a different request, 422 idempotency_key_reused.";
                }
            }

            return Task.CompletedTask;
        });

        options.AddSchemaTransformer(static (schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (StringTypes.TryGetValue(type, out var wire))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = wire.Format;
                schema.Pattern = wire.Pattern;
            }
            else if (type == typeof(double))
            {
                // The core reads doubles with a converter that rejects out-of-range numbers; the generator cannot see through it.
                schema.Type = context.JsonTypeInfo.Type == typeof(double?) ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.Number;
                schema.Format = "double";
            }
            else if (type == typeof(LocalizedText))
            {
                schema.Type = JsonSchemaType.Object;
                schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String };
            }
            else if (type.IsEnum)
            {
                // The model's enum converter writes camelCase member names; the generator cannot see through it.
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(static n => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(n)))];
            }

            // Documents (plan, observation batch, progress report) start with the format header.
            if (schema.Properties is { } properties)
            {
                if (properties.ContainsKey("$schema"))
                {
                    properties["$schema"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The document's JSON Schema (optional on input)." };
                }

                if (properties.ContainsKey("formatVersion"))
                {
                    properties["formatVersion"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^1\\.[0-9]+$", Description = "The format version: \"1.0\" (any 1.x is read)." };
                }
            }

            return Task.CompletedTask;
        });
    }
}
