using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Supplies metadata for the client's wire types that hold core models, each through its hand-written converter
/// (see <see cref="WireJson"/>). Every closed type is named here, so nothing is built by reflection at run time.
/// </summary>
internal sealed class ClientTypeInfoResolver : IJsonTypeInfoResolver
{
    public static readonly ClientTypeInfoResolver Instance = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => type switch
    {
        _ when type == typeof(Page<KeyTask>) => Page<KeyTask>(options),
        _ when type == typeof(Page<PlanSummary>) => Page<PlanSummary>(options),
        _ when type == typeof(Page<AspectSummary>) => Page<AspectSummary>(options),
        _ when type == typeof(Page<ProgressReport>) => Page<ProgressReport>(options),
        _ when type == typeof(Page<Region>) => Page<Region>(options),
        _ when type == typeof(Page<RegionGroup>) => Page<RegionGroup>(options),
        _ when type == typeof(Page<Indicator>) => Page<Indicator>(options),
        _ when type == typeof(Page<Observation>) => Page<Observation>(options),
        _ when type == typeof(PlanSummary) => Value(options, new PlanSummaryJsonConverter()),
        _ when type == typeof(AspectSummary) => Value(options, new AspectSummaryJsonConverter()),
        _ when type == typeof(AspectProgressSummary) => Value(options, new AspectProgressSummaryJsonConverter()),
        _ when type == typeof(PlanProgressSummary) => Value(options, new PlanProgressSummaryJsonConverter()),
        _ when type == typeof(ObservationWriteResult) => Value(options, new ObservationWriteResultJsonConverter()),
        _ => null,
    };

    private static JsonTypeInfo<Page<T>> Page<T>(JsonSerializerOptions options) => Value(options, new PageJsonConverter<T>());

    private static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter)
        => JsonMetadataServices.CreateValueInfo<T>(options, converter);
}
