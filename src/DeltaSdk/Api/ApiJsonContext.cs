using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Api;

/// <summary>
/// Source-generated metadata for the Plan API's wire types: pages, problem details, summaries, write results.
/// </summary>
/// <remarks>
/// The generator also emits metadata for the model types these hold, but <see cref="ApiJson.TypeInfoResolver"/> asks
/// <see cref="DeltaJson.Options"/>' resolver first, so every model type (and every array of them) keeps the canonical
/// contract; this context only answers for the wire types.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(DeltaProblemDetails))]
[JsonSerializable(typeof(ProblemDiagnostic))]
[JsonSerializable(typeof(StatusCounts))]
[JsonSerializable(typeof(PlanSummary))]
[JsonSerializable(typeof(AspectSummary))]
[JsonSerializable(typeof(AspectProgressSummary))]
[JsonSerializable(typeof(PlanProgressSummary))]
[JsonSerializable(typeof(ObservationWriteResult))]
[JsonSerializable(typeof(TrackedTask))]
[JsonSerializable(typeof(Page<TrackedTask>))]
[JsonSerializable(typeof(PlanRevisionSummary))]
[JsonSerializable(typeof(Page<PlanSummary>))]
[JsonSerializable(typeof(Page<AspectSummary>))]
[JsonSerializable(typeof(Page<KeyTask>))]
[JsonSerializable(typeof(Page<ProgressReport>))]
[JsonSerializable(typeof(Page<Region>))]
[JsonSerializable(typeof(Page<RegionGroup>))]
[JsonSerializable(typeof(Page<Indicator>))]
[JsonSerializable(typeof(Page<Observation>))]
[JsonSerializable(typeof(Page<PlanRevisionSummary>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
