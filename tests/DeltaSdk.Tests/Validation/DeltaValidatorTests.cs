using System.Text;
using System.Text.Json.Nodes;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using NodaTime;
using static DeltaSdk.Tests.Validation.SyntheticDocuments;

namespace DeltaSdk.Tests.Validation;

public sealed class DeltaValidatorTests
{
    private static readonly Plan CleanPlan = Plan();

    [Fact]
    public void Synthetic_documents_are_clean()
    {
        var validator = Validator();

        Assert.Empty(validator.Validate(CleanPlan, Regions()).Diagnostics);
        Assert.Empty(validator.Validate(Regions()).Diagnostics);
        Assert.Empty(validator.Validate(Batch(), CleanPlan, Regions()).Diagnostics);
        Assert.Empty(validator.Validate(Report(), CleanPlan).Diagnostics);
        Assert.Empty(validator.ValidateProgressReports([Report(), CompletedReport()], CleanPlan).Diagnostics);
    }

    [Fact]
    public void Report_counts_and_validity_follow_the_diagnostics()
    {
        var broken = CleanPlan.WithTask(0, 0, t => t with { Sources = [], Aspect = AspectId.Parse("a9") }) with { DeclaredTaskCount = 5, CatalogueCompleteness = CatalogueCompleteness.Partial };

        var report = Validator().Validate(broken);

        Assert.False(report.IsValid);
        Assert.Equal(DeltaDocumentKind.Plan, report.DocumentKind);
        Assert.Equal(report.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), report.ErrorCount);
        Assert.Equal(1, report.WarningCount);
        Assert.True(report.InfoCount >= 1);
        Assert.Contains("error", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_raises_warnings_and_fails_the_report()
    {
        var plan = CleanPlan.WithTask(0, 0, t => t with { Sources = [] });

        var normal = Validator().Validate(plan);
        var strict = Validator(o => o.WarningsAsErrors = true).Validate(plan);

        Assert.True(normal.IsValid);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(normal.Diagnostics).Severity);
        Assert.False(strict.IsValid);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(strict.Diagnostics).Severity);
        Assert.Equal("DLT7001", strict.Diagnostics[0].Code);
    }

    [Fact]
    public void Suppressed_codes_are_neither_kept_nor_counted()
    {
        var plan = CleanPlan.WithTask(0, 0, t => t with { Sources = [], Aspect = AspectId.Parse("a9") });

        var report = Validator(o => o.SuppressedCodes.Add("dlt2001")).Validate(plan);

        Assert.Equal("DLT7001", Assert.Single(report.Diagnostics).Code);
        Assert.Equal(0, report.ErrorCount);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Messages_come_in_Simplified_Chinese_when_asked()
    {
        var plan = CleanPlan.WithTask(0, 0, t => t with { Aspect = AspectId.Parse("a9") });

        var english = Assert.Single(Validator().Validate(plan).Diagnostics);
        var chinese = Assert.Single(Validator(o => o.Language = "zh-Hans").Validate(plan).Diagnostics);

        Assert.Equal("Aspect 'a9' is not an aspect of the plan.", english.Message);
        Assert.Equal("方面 'a9' 不是本计划的方面。", chinese.Message);
        Assert.Equal(english.Path, chinese.Path);
    }

    [Fact]
    public void The_cap_keeps_the_first_diagnostics_and_still_counts_the_rest()
    {
        var batch = new ObservationBatch
        {
            Observations = [.. Enumerable.Range(0, 10).Select(i => Observation("synthetic-length", "310000", "2024", double.NaN))],
        };

        var report = Validator(o => o.MaxDiagnostics = 3).Validate(batch);

        Assert.Equal(3, report.Diagnostics.Length);
        Assert.Equal("$.observations[0].value", report.Diagnostics[0].Path);
        Assert.True(report.IsTruncated);
        Assert.Equal(10 + 9, report.ErrorCount); // ten NaN values, nine duplicates of the first
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Options_are_checked_and_copied_when_the_validator_is_built()
    {
        Assert.Throws<ArgumentException>(() => new DeltaValidator(new DeltaValidationOptions { MaxDiagnostics = 0 }));
        Assert.Throws<ArgumentException>(() => new DeltaValidator(new DeltaValidationOptions { Language = "not a tag" }));

        var options = new DeltaValidationOptions();
        var validator = new DeltaValidator(options);
        options.SuppressedCodes.Add("DLT2001");
        var report = validator.Validate(CleanPlan.WithTask(0, 0, t => t with { Aspect = AspectId.Parse("a9") }));

        Assert.Contains(report.Diagnostics, d => d.Code == "DLT2001");
    }

    [Fact]
    public void Today_is_taken_in_the_configured_time_zone()
    {
        // 17:00 UTC on 30 June is already 1 July in China (UTC+8), the default zone.
        var clock = new FixedInstantClock(Instant.FromUtc(2025, 6, 30, 17, 0));
        var report = Report() with { ReportedOn = new LocalDate(2025, 7, 1), Period = null };

        var china = new DeltaValidator(new DeltaValidationOptions { Clock = clock }).Validate(report);
        var utc = new DeltaValidator(new DeltaValidationOptions { Clock = clock, TimeZone = DateTimeZone.Utc }).Validate(report);

        Assert.DoesNotContain(china.Diagnostics, d => d.Code == "DLT3007");
        Assert.Contains(utc.Diagnostics, d => d.Code == "DLT3007");
    }

    [Fact]
    public void A_region_table_given_with_a_plan_is_a_reference_not_checked_itself()
    {
        var regions = Regions().WithRegion(2, r => r with { Level = RegionLevel.Province });
        var plan = CleanPlan.WithTask(0, 0, t => t with { Regions = [RegionCode.Parse("330100")] });

        var report = Validator().Validate(plan, regions);

        Assert.Equal("DLT2003", Assert.Single(report.Diagnostics).Code);
        Assert.Equal("DLT1015", Assert.Single(Validator().Validate(regions).Diagnostics).Code);
    }

    [Fact]
    public void Region_references_are_not_checked_without_a_region_table()
    {
        var plan = CleanPlan.WithTask(0, 0, t => t with { Regions = [RegionCode.Parse("330100")] });

        Assert.Empty(Validator().Validate(plan).Diagnostics);
        Assert.Single(Validator().Validate(plan, Regions()).Diagnostics);
    }

    [Fact]
    public void Diagnostic_values_and_messages_name_the_offending_value()
    {
        var plan = CleanPlan.WithTask(0, 1, t => t with { Code = TaskCode.Parse("SYN-1-01") });

        var diagnostic = Assert.Single(Validator().Validate(plan).Diagnostics);

        Assert.Equal("SYN-1-01", diagnostic.Value);
        Assert.Equal("'SYN-1-01' is already used at $.aspects[0].tasks[0].", diagnostic.Message);
        Assert.StartsWith("error DLT1011 at $.aspects[0].tasks[1].code: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_throws_with_the_report_only_when_there_are_errors()
    {
        var bad = Validator().Validate(CleanPlan with { EndDate = new LocalDate(2020, 1, 1) });
        var good = Validator().Validate(CleanPlan.WithTask(0, 0, t => t with { Sources = [] }));

        var exception = Assert.Throws<DeltaValidationException>(bad.EnsureValid);
        Assert.Same(bad, exception.Report);
        Assert.Contains("DLT3001", exception.Message, StringComparison.Ordinal);
        good.EnsureValid();
    }

    [Fact]
    public void A_null_report_in_a_sequence_is_a_diagnostic()
    {
        var report = Validator().ValidateProgressReports([Report(), null!]);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("DLT1007", "$[1]"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void Reports_of_different_plans_are_not_compared_with_each_other()
    {
        var other = Report() with { Plan = DeltaSdk.PlanId.Parse("synthetic-other"), ReportedOn = new LocalDate(2025, 5, 1), PercentComplete = 10 };

        var report = Validator().ValidateProgressReports([Report(), other]);

        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "DLT4004");
    }

    [Theory]
    [InlineData(DeltaDocumentKind.Plan)]
    [InlineData(DeltaDocumentKind.RegionTable)]
    [InlineData(DeltaDocumentKind.ObservationBatch)]
    [InlineData(DeltaDocumentKind.ProgressReport)]
    public void ValidateJson_recognises_each_document_by_its_shape(DeltaDocumentKind kind)
    {
        var report = Validator().ValidateJson(Json(kind), CleanPlan, Regions());

        Assert.Equal(kind, report.DocumentKind);
        Assert.Empty(report.Diagnostics);
    }

    [Theory]
    [InlineData("https://example.org/schema/plan.schema.json", DeltaDocumentKind.Plan)]
    [InlineData("https://example.org/schema/regions.schema.json", DeltaDocumentKind.RegionTable)]
    [InlineData("https://example.org/schema/observations.schema.json", DeltaDocumentKind.ObservationBatch)]
    [InlineData("https://example.org/schema/progress-report.schema.json", DeltaDocumentKind.ProgressReport)]
    public void ValidateJson_prefers_the_schema_to_the_shape(string schema, DeltaDocumentKind kind)
    {
        // An empty object has no shape at all; only the schema can tell.
        var report = Validator().ValidateJson($$"""{"$schema": "{{schema}}"}""");

        Assert.Equal(kind, report.DocumentKind);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code is "DLT1003" or "DLT1004");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("{\"colour\": \"blue\"}")]
    [InlineData("{\"formatVersion\": \"2.0\", \"aspects\": []}")]
    public void ValidateJson_leaves_the_kind_null_when_the_text_cannot_be_read_far_enough_to_tell(string json)
    {
        var report = Validator().ValidateJson(json);

        Assert.Null(report.DocumentKind);
        Assert.False(report.IsValid);
        Assert.EndsWith("(unknown kind)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reports_kind_serializes_as_its_camel_case_wire_name_or_null()
    {
        var known = Validator().ValidateJson(Json(DeltaDocumentKind.ObservationBatch), CleanPlan, Regions());
        var unknown = Validator().ValidateJson("[1]");

        Assert.Equal("\"observationBatch\"", System.Text.Json.JsonSerializer.Serialize(known.DocumentKind));
        Assert.Equal("null", System.Text.Json.JsonSerializer.Serialize(unknown.DocumentKind));
        Assert.Equal(DeltaDocumentKind.RegionTable, System.Text.Json.JsonSerializer.Deserialize<DeltaDocumentKind?>("\"regionTable\""));
    }

    [Fact]
    public void ValidateJson_paths_match_the_paths_of_object_validation_and_exist_in_the_document()
    {
        var plan = CleanPlan
            .WithTask(0, 1, t => t with { TimeFrame = new TaskTimeFrame { Start = new LocalDate(2025, 2, 1), End = new LocalDate(2025, 1, 1) }, Milestones = [] })
            .WithTask(1, 0, t => t with { LeadAgencies = [AgencyId.Parse("synthetic-nobody")], Regions = [RegionCode.Parse("320500"), RegionCode.Parse("330100")] })
            .WithIndicator(1, i => i with { Aggregation = AggregationRule.Sum, Targets = [i.Targets[0] with { Value = 101 }] });
        var json = DeltaJson.WritePlan(plan);

        var fromObject = Validator().Validate(plan, Regions());
        var fromJson = Validator().ValidateJson(json, regions: Regions());

        Assert.True(fromObject.Diagnostics.Length >= 5);
        Assert.Equal(fromObject.Diagnostics.Select(d => (d.Code, d.Path)), fromJson.Diagnostics.Select(d => (d.Code, d.Path)));
        var document = JsonNode.Parse(json)!;
        foreach (var diagnostic in fromObject.Diagnostics)
        {
            Assert.True(JsonPathExists(document, diagnostic.Path), $"{diagnostic.Path} is not in the document");
        }
    }

    [Fact]
    public void ValidateJson_reports_syntax_errors_with_line_and_position()
    {
        var report = Validator().ValidateJson("{\n  \"aspects\": [\n    {,\n  ]\n}");

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("DLT1001", "$.aspects"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(2, diagnostic.LineNumber);
        Assert.NotNull(diagnostic.BytePositionInLine);
        Assert.Null(report.DocumentKind);
        Assert.Contains("line 3", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateJson_reports_the_first_format_error_of_a_well_formed_document_and_stops()
    {
        var json = DeltaJson.WriteObservations(Batch()).Replace("\"2024\"", "\"24\"", StringComparison.Ordinal);

        var report = Validator().ValidateJson(json);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("DLT1006", "$.observations[0].period"), (diagnostic.Code, diagnostic.Path));
        Assert.Contains("'24'", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.LineNumber);
        Assert.Equal(DeltaDocumentKind.ObservationBatch, report.DocumentKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("\"plan\"")]
    [InlineData("{\"aspects\": null, \"startDate\": 5}")]
    [InlineData("{\"observations\": [null]}")]
    [InlineData("{\"observations\": [{}]}")]
    [InlineData("{\"regions\": [{\"code\": \"310000\"}]} trailing")]
    [InlineData("{\"task\": \"T-1\", \"reportedOn\": \"2025-02-30\"}")]
    [InlineData("{\"startDate\": \"2024-01-01\", \"title\": {\"en\": \"x\", \"EN\": \"y\"}}")]
    public void ValidateJson_turns_any_bad_input_into_diagnostics(string json)
    {
        var report = Validator().ValidateJson(json);

        Assert.False(report.IsValid);
        Assert.All(report.Diagnostics, d => Assert.StartsWith("DLT1", d.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateJson_reports_an_overflowing_number_as_a_format_error_at_its_path()
    {
        // The reader refuses a number beyond a double's range (it could never be written back), so it is a format error.
        var report = Validator().ValidateJson("""{"formatVersion": "1.0", "observations": [{"indicator": "x", "region": "310000", "period": "2024", "value": 1e400}]}""");

        var diagnostic = Assert.Single(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("DLT1002", "$.observations[0].value"), (diagnostic.Code, diagnostic.Path));
        Assert.Contains("1e400", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateJson_accepts_deeply_nested_junk_and_invalid_utf8_without_throwing()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        byte[] invalidUtf8 = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        Assert.False(Validator().ValidateJson(deep).IsValid);
        Assert.False(Validator().ValidateJson(invalidUtf8).IsValid);
    }

    [Fact]
    public void ValidateJson_skips_a_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DeltaJson.WriteRegions(Regions()))).ToArray();

        var report = Validator().ValidateJson(bytes);

        Assert.Equal(DeltaDocumentKind.RegionTable, report.DocumentKind);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public async Task ValidateJsonAsync_reads_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(DeltaJson.WriteObservations(Batch().WithObservation(0, o => o with { Value = -5 }))));

        var report = await Validator().ValidateJsonAsync(stream, CleanPlan);

        Assert.Equal(("DLT6007", "$.observations[0].value"), (report.Diagnostics.Single().Code, report.Diagnostics.Single().Path));
    }

    [Fact]
    public void A_default_validator_lists_the_built_in_rules()
    {
        Assert.Equal(DeltaRules.All.AsEnumerable(), DeltaValidator.Default.Descriptors.AsEnumerable());
    }

    internal static string Json(DeltaDocumentKind kind) => kind switch
    {
        DeltaDocumentKind.Plan => DeltaJson.WritePlan(CleanPlan),
        DeltaDocumentKind.RegionTable => DeltaJson.WriteRegions(Regions()),
        DeltaDocumentKind.ObservationBatch => DeltaJson.WriteObservations(Batch()),
        _ => DeltaJson.WriteProgressReport(Report()),
    };

    /// <summary>Follows <c>$.a[0].b</c>; a final property may be absent (a missing required value) if its parent exists.</summary>
    private static bool JsonPathExists(JsonNode root, string path)
    {
        JsonNode? node = root;
        var segments = System.Text.RegularExpressions.Regex.Matches(path[1..], @"\.([A-Za-z$]+)|\[(\d+)\]").ToList();
        for (var i = 0; i < segments.Count; i++)
        {
            var match = segments[i];
            var last = i == segments.Count - 1;
            if (match.Groups[1].Success)
            {
                var obj = node as JsonObject;
                if (obj is null)
                {
                    return false;
                }

                if (!obj.TryGetPropertyValue(match.Groups[1].Value, out node))
                {
                    return last;
                }
            }
            else
            {
                var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (node is not JsonArray array || index >= array.Count)
                {
                    return false;
                }

                node = array[index];
            }
        }

        return true;
    }

    private sealed class FixedInstantClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
