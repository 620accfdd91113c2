using System.Reflection;
using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Serialization;

public sealed class DeltaJsonRoundTripTests
{
    public static TheoryData<string> Documents => ["plan", "regions", "observations", "report"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_write_read_gives_an_equivalent_model_and_identical_bytes(string document)
    {
        var (model, write, read) = Codec(document);

        var first = write(model);
        var back = read(first);
        var second = write(back);

        ModelComparer.AssertEquivalent(model, back);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Synthetic_samples_set_every_member_of_every_model_type()
    {
        // If a member is added to the model and not to the samples, the round trips above would not cover it.
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in new object[] { SyntheticModels.Plan(), SyntheticModels.RegionTable(), SyntheticModels.Batch(12), SyntheticModels.Report() })
        {
            set.UnionWith(ModelComparer.SetMembers(model));
        }

        var missing = ModelTypes.All
            .Where(static t => !t.IsEnum && !t.IsValueType && t != typeof(LocalizedText))
            .SelectMany(static t => ModelComparer.WireProperties(t).Select(p => $"{t.Name}.{p.Name}"))
            .Where(name => !set.Contains(name))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_NodaTime_member_round_trips_with_a_value_and_as_null()
    {
        var members = ModelTypes.All
            .SelectMany(static t => ModelComparer.WireProperties(t))
            .Where(static p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).Namespace == "NodaTime")
            .ToList();
        Assert.Contains(members, static p => p.PropertyType == typeof(Instant?));
        Assert.Contains(members, static p => p.PropertyType == typeof(LocalDate?));

        foreach (var property in members)
        {
            var sample = SampleOf(property.DeclaringType!);
            var value = property.GetValue(sample);
            Assert.NotNull(value);
            var json = JsonSerializer.Serialize(sample, property.DeclaringType!, DeltaJson.Options);
            var back = JsonSerializer.Deserialize(json, property.DeclaringType!, DeltaJson.Options)!;
            Assert.Equal(value, property.GetValue(back));

            if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                var withNull = WithNull(sample, property);
                var nullJson = JsonSerializer.Serialize(withNull, property.DeclaringType!, DeltaJson.Options);
                Assert.DoesNotContain($"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\"", nullJson, StringComparison.Ordinal);
                var explicitNull = nullJson.Insert(1, $"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\": null,");
                Assert.Null(property.GetValue(JsonSerializer.Deserialize(explicitNull, property.DeclaringType!, DeltaJson.Options)));
            }
        }
    }

    [Fact]
    public void NodaTime_values_have_their_ISO_wire_forms()
    {
        var json = DeltaJson.WriteProgressReport(SyntheticModels.Report());

        Assert.Contains("\"reportedOn\": \"2025-03-31\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recordedAt\": \"2025-04-01T08:30:15.123Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"2025-03\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_properties_are_kept_on_read_and_written_back()
    {
        var json = DeltaJson.WritePlan(SyntheticModels.Plan());
        var extended = json
            .Replace("\"id\": \"synthetic-plan\",", "\"id\": \"synthetic-plan\",\n  \"fromTheFuture\": {\"nested\": [1, \"two\", null]},", StringComparison.Ordinal)
            .Replace("\"code\": \"SYN-1-02\",", "\"code\": \"SYN-1-02\", \"priority\": 3,", StringComparison.Ordinal);

        var plan = DeltaJson.ReadPlan(extended);
        var rewritten = DeltaJson.WritePlan(plan);
        var again = DeltaJson.ReadPlan(rewritten);

        Assert.Equal("[1,\"two\",null]", plan.ExtensionData!["fromTheFuture"].GetProperty("nested").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(3, plan.Aspects[0].Tasks[1].ExtensionData!["priority"].GetInt32());
        Assert.Null(plan.Aspects[0].Tasks[0].ExtensionData);
        ModelComparer.AssertEquivalent(plan, again);
        Assert.Equal(rewritten, DeltaJson.WritePlan(again));
    }

    [Fact]
    public void Writes_are_canonical_header_first_empty_arrays_and_nulls_left_out_text_unescaped()
    {
        var plan = new Plan { Id = PlanId.Parse("p"), Title = LocalizedText.Create("长三角", null), StartDate = new LocalDate(2024, 1, 1), EndDate = new LocalDate(2024, 12, 31) };

        var json = DeltaJson.WritePlan(plan);

        Assert.StartsWith("{\n  \"$schema\": \"https://deltasdk.dev/schema/v1/plan.schema.json\",\n  \"formatVersion\": \"1.0\",\n  \"id\": \"p\",", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.Contains("长三角", json, StringComparison.Ordinal);
        Assert.DoesNotContain("aspects", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_bytes_buffer_and_stream_writers_produce_the_same_bytes()
    {
        var plan = SyntheticModels.Plan();
        var text = DeltaJson.WritePlan(plan);
        var bytes = DeltaJson.WritePlanToUtf8Bytes(plan);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        DeltaJson.WritePlan(buffer, plan);
        using var stream = new MemoryStream();
        await DeltaJson.WritePlanAsync(stream, plan);

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
        Assert.Equal(bytes, buffer.WrittenSpan.ToArray());
        Assert.Equal(bytes, stream.ToArray());
    }

    [Fact]
    public async Task String_bytes_and_stream_readers_agree()
    {
        var bytes = DeltaJson.WriteRegionsToUtf8Bytes(SyntheticModels.RegionTable());
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();

        var fromString = DeltaJson.ReadRegions(Encoding.UTF8.GetString(bytes));
        var fromBytes = DeltaJson.ReadRegions(withBom);
        var fromStream = await DeltaJson.ReadRegionsAsync(new MemoryStream(withBom));

        ModelComparer.AssertEquivalent(fromString, fromBytes);
        ModelComparer.AssertEquivalent(fromString, fromStream);
    }

    [Fact]
    public void Synthetic_plan_is_written_byte_for_byte_as_the_golden_file()
    {
        var actual = DeltaJson.WritePlanToUtf8Bytes(SyntheticModels.Plan());
        var path = Path.Combine(RepositoryPaths.Root, "tests", "DeltaSdk.Tests", "Serialization", "Golden", "synthetic-plan.json");
        if (Environment.GetEnvironmentVariable("DELTASDK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with DELTASDK_UPDATE_GOLDEN=1 and review the file.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(path)), Encoding.UTF8.GetString(actual));
    }

    private static (object Model, Func<object, string> Write, Func<string, object> Read) Codec(string document) => document switch
    {
        "plan" => (SyntheticModels.Plan(), m => DeltaJson.WritePlan((Plan)m), j => DeltaJson.ReadPlan(j)),
        "regions" => (SyntheticModels.RegionTable(), m => DeltaJson.WriteRegions((RegionTable)m), j => DeltaJson.ReadRegions(j)),
        "observations" => (SyntheticModels.Batch(25), m => DeltaJson.WriteObservations((ObservationBatch)m), j => DeltaJson.ReadObservations(j)),
        _ => (SyntheticModels.Report(), m => DeltaJson.WriteProgressReport((ProgressReport)m), j => DeltaJson.ReadProgressReport(j)),
    };

    private static object SampleOf(Type type)
    {
        var plan = SyntheticModels.Plan();
        object? found = type.Name switch
        {
            nameof(Plan) => plan,
            nameof(ProgressReport) => SyntheticModels.Report(),
            nameof(Observation) => SyntheticModels.Observation(1),
            nameof(SourceReference) => SyntheticModels.Source(1),
            nameof(Milestone) => plan.Aspects[0].Tasks[0].Milestones[0],
            nameof(TaskTimeFrame) => plan.Aspects[0].Tasks[0].TimeFrame,
            _ => null,
        };
        return found ?? throw new InvalidOperationException($"Add a sample of {type.Name}, which has NodaTime members.");
    }

    private static object WithNull(object sample, PropertyInfo property)
    {
        // Records have a copy constructor; clone and set the init-only member, as a `with` expression would.
        var clone = sample.GetType().GetMethod("<Clone>$")!.Invoke(sample, null)!;
        property.SetValue(clone, null);
        return clone;
    }
}
