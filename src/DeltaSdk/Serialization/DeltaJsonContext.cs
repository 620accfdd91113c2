using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// The source-generated serialization metadata for every public model type, with the NodaTime converters built in.
/// Serialize through <see cref="DeltaJson.Options"/>, which adds what makes the output canonical (the document
/// header, empty arrays left out, unescaped non-ASCII text, <c>\n</c> line ends); this context alone is the raw
/// contract that <see cref="DeltaJson.Options"/> is built on.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(RegionTable))]
[JsonSerializable(typeof(ObservationBatch))]
[JsonSerializable(typeof(ProgressReport))]
[JsonSerializable(typeof(Aspect))]
[JsonSerializable(typeof(KeyTask))]
[JsonSerializable(typeof(TaskTimeFrame))]
[JsonSerializable(typeof(Milestone))]
[JsonSerializable(typeof(Agency))]
[JsonSerializable(typeof(Indicator))]
[JsonSerializable(typeof(IndicatorValue))]
[JsonSerializable(typeof(IndicatorTarget))]
[JsonSerializable(typeof(Observation))]
[JsonSerializable(typeof(Region))]
[JsonSerializable(typeof(RegionGroup))]
[JsonSerializable(typeof(SourceReference))]
[JsonSerializable(typeof(LocalizedText))]
[JsonSerializable(typeof(ReportingPeriod))]
[JsonSerializable(typeof(PlanId))]
[JsonSerializable(typeof(AspectId))]
[JsonSerializable(typeof(TaskCode))]
[JsonSerializable(typeof(AgencyId))]
[JsonSerializable(typeof(IndicatorId))]
[JsonSerializable(typeof(RegionCode))]
[JsonSerializable(typeof(RegionGroupId))]
[JsonSerializable(typeof(AggregationRule))]
[JsonSerializable(typeof(CatalogueCompleteness))]
[JsonSerializable(typeof(ImplementationStatus))]
[JsonSerializable(typeof(IndicatorDirection))]
[JsonSerializable(typeof(ObservationStatus))]
[JsonSerializable(typeof(RegionCodeLevel))]
[JsonSerializable(typeof(RegionGroupKind))]
[JsonSerializable(typeof(RegionLevel))]
[JsonSerializable(typeof(ReportingPeriodKind))]
[JsonSerializable(typeof(SourceConfidence))]
[JsonSerializable(typeof(ValueQualifier))]
[JsonSerializable(typeof(Changes.ChangeSet))]
[JsonSerializable(typeof(Changes.Change))]
[JsonSerializable(typeof(Changes.CountChange))]
[JsonSerializable(typeof(Changes.ChangeKind))]
[JsonSerializable(typeof(Changes.ChangedEntity))]
[JsonSerializable(typeof(Changes.ChangeSubject))]
[JsonSerializable(typeof(Changes.CountKind))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Analytics.AnalysisDocument))]
[JsonSerializable(typeof(Analytics.ProgressSummary))]
[JsonSerializable(typeof(Analytics.IndicatorStatus))]
[JsonSerializable(typeof(NodaTime.LocalDate))]
[JsonSerializable(typeof(NodaTime.Instant))]
internal sealed partial class DeltaJsonContext : JsonSerializerContext;
