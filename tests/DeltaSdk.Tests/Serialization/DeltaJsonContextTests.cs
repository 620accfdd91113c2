using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

public sealed class DeltaJsonContextTests
{
    public static TheoryData<Type> PublicModelTypes => [.. ModelTypes.All];

    [Theory]
    [MemberData(nameof(PublicModelTypes))]
    public void Every_public_model_type_has_source_generated_metadata(Type type)
        => Assert.NotNull(DeltaJsonContext.Default.GetTypeInfo(type));

    [Fact]
    public void The_model_type_list_is_not_vacuous()
    {
        Assert.Contains(typeof(Plan), ModelTypes.All);
        Assert.Contains(typeof(ReportingPeriod), ModelTypes.All);
        Assert.Contains(typeof(RegionCodeLevel), ModelTypes.All);
        Assert.True(ModelTypes.All.Count >= 30, string.Join(", ", ModelTypes.All));
    }

    [Fact]
    public void Shared_options_are_read_only_and_resolve_only_from_the_generated_context()
    {
        Assert.True(DeltaJson.Options.IsReadOnly);

        // A type the context does not know must fail rather than fall back to reflection.
        Assert.ThrowsAny<NotSupportedException>(() => DeltaJson.Options.GetTypeInfo(typeof(Version)));
    }

    [Fact]
    public void Enums_are_camelCase_strings_and_identifiers_plain_strings()
    {
        Assert.Equal("\"countyLevelCity\"", JsonSerializer.Serialize(RegionLevel.CountyLevelCity, DeltaJson.Options));
        Assert.Equal("\"YRD-1-01\"", JsonSerializer.Serialize(TaskCode.Parse("YRD-1-01"), DeltaJson.Options));
        Assert.Equal("\"2024-H2\"", JsonSerializer.Serialize(ReportingPeriod.ForHalf(2024, 2), DeltaJson.Options));
        Assert.Equal("\"2024-07-25\"", JsonSerializer.Serialize(new NodaTime.LocalDate(2024, 7, 25), DeltaJson.Options));
    }

    [Fact]
    public void Only_document_types_carry_the_header()
    {
        foreach (var type in ModelTypes.All.Where(static t => DeltaJson.Options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object))
        {
            var names = DeltaJson.Options.GetTypeInfo(type).Properties.Select(static p => p.Name).ToList();
            var isDocument = type == typeof(Plan) || type == typeof(RegionTable) || type == typeof(ObservationBatch) || type == typeof(ProgressReport);
            Assert.Equal(isDocument, names.Take(2).SequenceEqual(["$schema", "formatVersion"]));
        }
    }
}
