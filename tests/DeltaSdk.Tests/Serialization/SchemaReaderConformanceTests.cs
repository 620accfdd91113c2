using System.Text.Json.Nodes;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using Json.Schema;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// Feeds one corpus of documents to both the published JSON Schemas (docs/schema, validated with JsonSchema.Net, formats
/// asserted) and the <see cref="DeltaJson"/> readers, and requires them to agree on accept or refuse. The corpus is made
/// by code: the embedded dataset as written (plan, region table, observations) and a synthetic progress report, each as
/// is and with one mutation (wrong types, nulls in lists, unknown members, out-of-range dates, offsets, 5.0 for 5, bad
/// URIs, bad identifiers). Where they cannot agree, the case is in <see cref="DocumentedDifferences"/>, which mirrors the
/// "Schema and reader differences" section of docs/articles/json-format.md; a listed case that starts to agree fails too,
/// so the list stays true.
/// </summary>
public sealed class SchemaReaderConformanceTests
{
    /// <summary>Cases where the schema and the reader disagree by design, with the reason the article gives.</summary>
    private static readonly Dictionary<string, string> DocumentedDifferences = new(StringComparer.Ordinal)
    {
        ["Plan: declaredTaskCount 165.0"] = "JSON Schema's integer is any number with a zero fraction; the reader wants a whole number",
        ["Plan: aspect ordinal 1.0"] = "JSON Schema's integer is any number with a zero fraction; the reader wants a whole number",
        ["ObservationBatch: value 1e400"] = "number has no range in JSON Schema; the reader refuses numbers beyond a double",
        ["ObservationBatch: period 2024-02-30"] = "the period pattern checks the form, not the days of each month",
        ["ProgressReport: recordedAt 2025-02-30"] = "JsonSchema.Net's date-time check does not check the day of the month",
        ["Plan: source url not a URI"] = "format uri is absolute; the reader keeps any reference Uri parses",
        ["ObservationBatch: source url not a URI"] = "format uri is absolute; the reader keeps any reference Uri parses",
        ["ProgressReport: source url not a URI"] = "format uri is absolute; the reader keeps any reference Uri parses",
    };

    private static readonly EvaluationOptions SchemaOptions = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // Built once: every case reads from it (the documents are only serialized, never changed, after they are made).
    private static readonly Lazy<IReadOnlyList<CorpusDocument>> Documents = new(static () => [.. Corpus()]);

    private static readonly Dictionary<DeltaDocumentKind, Lazy<JsonSchema>> Schemas = Enum.GetValues<DeltaDocumentKind>().ToDictionary(
        static kind => kind,
        static kind => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schema", DeltaJson.GetSchemaUri(kind).Segments[^1])))));

    public static TheoryData<string> CaseNames => [.. Documents.Value.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Schema_and_reader_agree_on_every_corpus_document(string name)
    {
        var document = Documents.Value.Single(c => c.Name == name);
        var json = document.Json.ToJsonString();

        var evaluation = Schemas[document.Kind].Value.Evaluate(JsonNode.Parse(json), SchemaOptions);
        var schemaError = evaluation.IsValid ? null : string.Join("; ", evaluation.Details.Where(static d => d.HasErrors).SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        var readerError = ReaderError(document.Kind, json);

        if (DocumentedDifferences.TryGetValue(name, out var why))
        {
            Assert.True(
                (schemaError is null) != (readerError is null),
                $"{name} is listed as a difference ({why}) but now both {(schemaError is null ? "accept" : "refuse")} it: remove it from the list and from docs/articles/json-format.md.");
            return;
        }

        Assert.True(
            (schemaError is null) == (readerError is null),
            $"{name}: the schema {(schemaError is null ? "accepts" : $"refuses ({schemaError})")}, the reader {(readerError is null ? "accepts" : $"refuses ({readerError})")}.");
    }

    [Fact]
    public void The_corpus_covers_every_document_kind_the_readers_read_with_distinct_names()
    {
        var corpus = Documents.Value;

        Assert.Contains(corpus, static c => c.Name.EndsWith(": as written", StringComparison.Ordinal));
        Assert.True(corpus.Count >= 40, $"only {corpus.Count} documents");
        Assert.Equal(corpus.Count, corpus.Select(static c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<DeltaDocumentKind>().Where(static k => k is not (DeltaDocumentKind.ChangeSet or DeltaDocumentKind.Analysis)), kind => Assert.Contains(corpus, c => c.Kind == kind));
    }

    [Fact]
    public void Every_documented_difference_is_in_the_corpus_and_in_the_article()
    {
        var names = Documents.Value.Select(static c => c.Name).ToHashSet(StringComparer.Ordinal);
        var article = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "articles", "json-format.md"));
        var section = article[article.IndexOf("## Schema and reader differences", StringComparison.Ordinal)..];

        Assert.All(DocumentedDifferences.Keys, name =>
        {
            Assert.Contains(name, names);
            Assert.Contains($"`{name}`", section, StringComparison.Ordinal);
        });
    }

    /// <summary>Null when the reader accepts the document; its message when it refuses with the typed error; anything else fails.</summary>
    private static string? ReaderError(DeltaDocumentKind kind, string json)
    {
        try
        {
            _ = kind switch
            {
                DeltaDocumentKind.Plan => DeltaJson.ReadPlan(json),
                DeltaDocumentKind.RegionTable => DeltaJson.ReadRegions(json),
                DeltaDocumentKind.ObservationBatch => DeltaJson.ReadObservations(json),
                DeltaDocumentKind.ProgressReport => (object)DeltaJson.ReadProgressReport(json),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
            return null;
        }
        catch (DeltaFormatException error)
        {
            return error.Message;
        }
    }

    private sealed record CorpusDocument(string Name, DeltaDocumentKind Kind, JsonNode Json);

    private sealed record Mutation(string Name, string Path, Action<JsonNode, string> Apply);

    private static IEnumerable<CorpusDocument> Corpus()
    {
        var bases = new (DeltaDocumentKind Kind, string Json, Mutation[] Mutations)[]
        {
            (DeltaDocumentKind.Plan, DeltaJson.WritePlan(YangtzeRiverDelta.ActionPlan2024To2026), PlanMutations()),
            (DeltaDocumentKind.RegionTable, DeltaJson.WriteRegions(YangtzeRiverDelta.Regions), RegionMutations()),
            (DeltaDocumentKind.ObservationBatch, DeltaJson.WriteObservations(YangtzeRiverDelta.Observations), ObservationMutations()),
            (DeltaDocumentKind.ProgressReport, DeltaJson.WriteProgressReport(SyntheticModels.Report()), ReportMutations()),
        };

        foreach (var (kind, json, mutations) in bases)
        {
            var label = kind.ToString();
            yield return new CorpusDocument($"{label}: as written", kind, JsonNode.Parse(json)!);
            foreach (var common in CommonMutations().Concat(mutations))
            {
                var document = JsonNode.Parse(json)!;
                var (parent, member) = Locate(document, common.Path);
                common.Apply(parent, member);
                yield return new CorpusDocument($"{label}: {common.Name}", kind, document);
            }
        }
    }

    private static Mutation Set(string name, string path, JsonNode? value) => new(name, path, (parent, member) =>
    {
        if (parent is JsonArray array)
        {
            array[Index(member)] = value?.DeepClone();
        }
        else
        {
            parent.AsObject()[member] = value?.DeepClone();
        }
    });

    private static Mutation Remove(string name, string path) => new(name, path, static (parent, member) => parent.AsObject().Remove(member));

    private static Mutation AppendNull(string name, string path) => new(name, path, static (parent, member) => parent[member]!.AsArray().Add(null));

    private static int Index(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<Mutation> CommonMutations() =>
    [
        Set("unknown top-level member", "x-synthetic", "an unknown member"),
        Set("formatVersion 2.0", "formatVersion", "2.0"),
        Set("formatVersion 1.7 (a later minor version)", "formatVersion", "1.7"),
        Set("formatVersion as a number", "formatVersion", 1.0),
        Remove("no formatVersion", "formatVersion"),
        Remove("no $schema", "$schema"),
    ];

    private static Mutation[] PlanMutations() =>
    [
        Set("id with capitals", "id", "YRD-2024"),
        Set("startDate 2024-02-30", "startDate", "2024-02-30"),
        Set("startDate with a time", "startDate", "2024-01-01T00:00:00Z"),
        Set("startDate as a number", "startDate", 20240101),
        Set("declaredTaskCount 165.0", "declaredTaskCount", JsonValue.Create(165.0m)),
        Set("declaredTaskCount as a string", "declaredTaskCount", "165"),
        Set("declaredTaskCount null", "declaredTaskCount", null),
        Set("catalogueCompleteness not in the enum", "catalogueCompleteness", "mostly"),
        Set("title as a string", "title", "a title"),
        Set("title with a bad language tag", "title", new JsonObject { ["en_GB"] = "x" }),
        Set("task code lower case", "aspects[0].tasks[0].code", "yrd-1-01"),
        Set("task region not a code", "aspects[0].tasks[0].regions[0]", "31000"),
        AppendNull("null in a task's tags", "aspects[0].tasks[0].tags"),
        AppendNull("null in a task's regions", "aspects[0].tasks[0].regions"),
        AppendNull("null in aspects", "aspects"),
        Set("unknown member in a task", "aspects[0].tasks[0].x-synthetic", true),
        Set("source url not a URI", "aspects[0].tasks[0].sources[0].url", "not a uri"),
        Set("source url relative", "aspects[0].tasks[0].sources[0].url", "/case/1738.html"),
        Set("source publishedOn 2024-13-01", "sources[0].publishedOn", "2024-13-01"),
        Set("source confidence not in the enum", "sources[0].confidence", "certain"),
        Set("aspect ordinal 1.5", "aspects[0].ordinal", 1.5),
        Set("aspect ordinal 1.0", "aspects[0].ordinal", JsonValue.Create(1.0m)),
        Set("aspects as an object", "aspects", new JsonObject()),
    ];

    private static Mutation[] RegionMutations() =>
    [
        Set("region code with five digits", "regions[0].code", "31000"),
        Set("region code as a number", "regions[0].code", 310000),
        Set("region level not in the enum", "regions[0].level", "county"),
        AppendNull("null in regions", "regions"),
        AppendNull("null in a group's members", "groups[0].members"),
        Set("membershipComplete as a string", "groups[0].membershipComplete", "true"),
        Set("unknown member in a region", "regions[0].x-synthetic", 1),
    ];

    private static Mutation[] ObservationMutations() =>
    [
        Set("period 2024-Q5", "observations[0].period", "2024-Q5"),
        Set("period 2024-02-30", "observations[0].period", "2024-02-30"),
        Set("value as a string", "observations[0].value", "4150"),
        Set("value 1e400", "observations[0].value", JsonNode.Parse("1e400")),
        Set("value 4150.0", "observations[0].value", JsonValue.Create(4150.0m)),
        Set("status not in the enum", "observations[0].status", "draft"),
        Set("indicator with capitals", "observations[0].indicator", "YRD-HSR"),
        AppendNull("null in observations", "observations"),
        Set("source url not a URI", "observations[0].source.url", "not a uri"),
        Set("unknown member in an observation", "observations[0].x-synthetic", "x"),
    ];

    private static Mutation[] ReportMutations() =>
    [
        Set("recordedAt with an offset", "recordedAt", "2025-04-01T16:30:15+08:00"),
        Set("recordedAt without a zone", "recordedAt", "2025-04-01T08:30:15"),
        Set("recordedAt 2025-02-30", "recordedAt", "2025-02-30T08:30:15Z"),
        Set("recordedAt a date only", "recordedAt", "2025-04-01"),
        Set("reportedOn 2025-02-30", "reportedOn", "2025-02-30"),
        Set("reportedOn 2025-4-1", "reportedOn", "2025-4-1"),
        Set("percentComplete 5.0", "percentComplete", JsonValue.Create(5.0m)),
        Set("percentComplete 5.5", "percentComplete", 5.5),
        Set("percentComplete as a string", "percentComplete", "100"),
        Set("percentComplete 101", "percentComplete", 101),
        Set("percentComplete -1", "percentComplete", -1),
        Set("status not in the enum", "status", "done"),
        Set("status as a number", "status", 2),
        Set("period 2025-Q5", "period", "2025-Q5"),
        Set("region null", "region", null),
        Set("task null", "task", null),
        Remove("no task", "task"),
        AppendNull("null in sources", "sources"),
        Set("source url not a URI", "sources[0].url", "not a uri"),
        Set("narrative with a null text", "narrative.en", null),
    ];

    /// <summary>The container and member (a name, or an index in an array) a path like <c>aspects[0].tasks[0].code</c> names.</summary>
    private static (JsonNode Parent, string Member) Locate(JsonNode root, string path)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        var last = parts[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (node, last) : (node[last[..bracket]]!, last[(bracket + 1)..^1]);
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[part] ?? throw new InvalidOperationException($"no member {part}")
            : node[part[..bracket]]![Index(part[(bracket + 1)..^1])]!;
    }
}
