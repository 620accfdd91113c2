using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Source-generated metadata for the client's wire types: pages, summaries, write results, problem details.
/// </summary>
/// <remarks>
/// The generator also emits metadata for the core models these types hold, but <see cref="ClientJson.Options"/>
/// asks <see cref="DeltaSdk.Serialization.DeltaJson.Options"/>' resolver first, so every core model (and every
/// array of them) keeps the core's canonical contract; this context only answers for the client's own types.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DeltaProblemDetails))]
[JsonSerializable(typeof(StatusCounts))]
[JsonSerializable(typeof(PlanSummary))]
[JsonSerializable(typeof(AspectSummary))]
[JsonSerializable(typeof(AspectProgressSummary))]
[JsonSerializable(typeof(PlanProgressSummary))]
[JsonSerializable(typeof(ObservationWriteResult))]
[JsonSerializable(typeof(Page<KeyTask>))]
[JsonSerializable(typeof(Page<PlanSummary>))]
[JsonSerializable(typeof(Page<AspectSummary>))]
[JsonSerializable(typeof(Page<ProgressReport>))]
[JsonSerializable(typeof(Page<Region>))]
[JsonSerializable(typeof(Page<RegionGroup>))]
[JsonSerializable(typeof(Page<Indicator>))]
[JsonSerializable(typeof(Page<Observation>))]
internal sealed partial class DeltaClientJsonContext : JsonSerializerContext;
