using System.Text.Json.Serialization;
using DeltaSdk.Server.Contracts;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Source-generated metadata for the server's own wire types: problems, item pages, summaries, write results.
/// </summary>
/// <remarks>
/// The generator also emits metadata for the model types these hold, but <see cref="ServerJson.Options"/> asks
/// <see cref="DeltaSdk.Serialization.DeltaJson.Options"/>' resolver first, so every model type (and every array of
/// them) keeps the canonical contract; this context only answers for the server's own types.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(PlanSummary))]
[JsonSerializable(typeof(AspectSummary))]
[JsonSerializable(typeof(PlanProgressSummary))]
[JsonSerializable(typeof(AspectProgressSummary))]
[JsonSerializable(typeof(StatusCounts))]
[JsonSerializable(typeof(ObservationWriteResult))]
[JsonSerializable(typeof(ItemPage<PlanSummary>))]
[JsonSerializable(typeof(ItemPage<AspectSummary>))]
[JsonSerializable(typeof(ItemPage<KeyTask>))]
[JsonSerializable(typeof(ItemPage<ProgressReport>))]
[JsonSerializable(typeof(ItemPage<Region>))]
[JsonSerializable(typeof(ItemPage<RegionGroup>))]
[JsonSerializable(typeof(ItemPage<Indicator>))]
[JsonSerializable(typeof(ItemPage<Observation>))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
