using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>
/// The checked-in OpenAPI document (docs/openapi) as a contract for responses: whether a status is documented for an
/// operation, and whether a body validates, with JsonSchema.Net, against the schema the document gives for the
/// operation, status and media type. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the document is registered as one
/// base document and each response schema is a <c>$ref</c> into it (its own <c>#/components/schemas</c> refs resolve).
/// </summary>
internal static partial class OpenApiContract
{
    public const string CheckedInPath = "docs/openapi/delta-plan-api.v1.json";

    private static readonly Uri DocumentUri = new("https://deltasdk.test/openapi/delta-plan-api.v1.json");
    private static readonly Lazy<(JsonObject Paths, EvaluationOptions Options)> Document = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The OpenAPI path of an ASP.NET Core route pattern: route constraints dropped (<c>{reportId:long}</c> is <c>{reportId}</c>).</summary>
    public static string PathOf(string routePattern) => "/" + RouteConstraint().Replace(routePattern.TrimStart('/'), "{$1}");

    /// <summary>
    /// Checks one response against the document. Answers null when it conforms or the document does not describe the
    /// operation (other routes such as the health probes, or methods the API does not have), else why not.
    /// </summary>
    public static string? Check(string path, string method, int status, string? mediaType, ReadOnlySpan<byte> body, bool bodyExpected)
    {
        var (paths, options) = Document.Value;
        var operationMethod = method.Equals("HEAD", StringComparison.OrdinalIgnoreCase) ? "get" : method.ToLowerInvariant();
        if (paths[path] is not JsonObject pathItem)
        {
            // Every route of the Plan API (under /v1) is in the document; others (health probes, the document itself) are not.
            return path.StartsWith("/v1/", StringComparison.Ordinal) ? $"{method} {path}: the route is not in the document." : null;
        }

        if (pathItem[operationMethod] is not JsonObject operation)
        {
            return null;
        }

        var where = $"{method} {path} -> {status}";
        var responses = operation["responses"]!.AsObject();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses[key] is not JsonObject response)
        {
            // Server errors are outside the contract (the document promises none); a problem body must still be one.
            if (status >= 500)
            {
                return mediaType == "application/problem+json" && bodyExpected ? Validate(where, "#/components/schemas/DeltaProblemDetails", body, options) : null;
            }

            return $"{where}: status {status} is not documented for this operation (documented: {string.Join(", ", responses.Select(static r => r.Key))}).";
        }

        if (response["content"] is not JsonObject content || content.Count == 0)
        {
            return body.Length == 0 || !bodyExpected ? null : $"{where}: the document describes no body, but the response has {body.Length} bytes ({mediaType}).";
        }

        if (!bodyExpected)
        {
            return null;
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{where}: content type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", content.Select(static c => c.Key))}).";
        }

        if (media["schema"] is null)
        {
            return null;
        }

        // A JSON Pointer in URI fragment form: "~" and "/" escaped, then percent-encoded ("{planId}").
        var fragment = "#" + string.Concat(new[] { "paths", path, operationMethod, "responses", key, "content", mediaType, "schema" }
            .Select(static segment => "/" + Uri.EscapeDataString(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
        return Validate(where, fragment, body, options);
    }

    private static string? Validate(string where, string fragment, ReadOnlySpan<byte> body, EvaluationOptions options)
    {
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException error)
        {
            return $"{where}: the body is not JSON ({error.Message}).";
        }

        var schema = Schemas.GetOrAdd(fragment, static f => JsonSchema.FromText($$"""{"$ref": "{{DocumentUri}}{{f}}"}"""));
        var results = schema.Evaluate(instance, options);
        if (results.IsValid)
        {
            return null;
        }

        var errors = results.Details
            .Where(static d => d.HasErrors)
            .SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({e.Key} at {d.EvaluationPath})"))
            .Take(5);
        return $"{where}: the body does not match the documented schema {fragment}: {string.Join("; ", errors)}";
    }

    private static (JsonObject, EvaluationOptions) Load()
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(CheckedInPath)))!;
        var options = new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            // Formats (date, date-time, uri) are assertions here, as the readers treat them; unknown ones (int32, double) pass.
            RequireFormatValidation = true,
        };
        options.SchemaRegistry.Register(new JsonNodeBaseDocument(document, DocumentUri));
        return (document["paths"]!.AsObject(), options);
    }

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}
