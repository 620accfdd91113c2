using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Supplies metadata for the client's wire types that hold core models (pages, plan summaries), each through its
/// hand-written converter. Every closed type is named here, so nothing is built by reflection at run time.
/// </summary>
internal sealed class ClientTypeInfoResolver : IJsonTypeInfoResolver
{
    public static readonly ClientTypeInfoResolver Instance = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(Page<KeyTask>))
        {
            return Page<KeyTask>(options);
        }

        if (type == typeof(Page<PlanSummary>))
        {
            return Page<PlanSummary>(options);
        }

        if (type == typeof(Page<Aspect>))
        {
            return Page<Aspect>(options);
        }

        if (type == typeof(Page<ProgressReport>))
        {
            return Page<ProgressReport>(options);
        }

        if (type == typeof(Page<Region>))
        {
            return Page<Region>(options);
        }

        if (type == typeof(Page<RegionGroup>))
        {
            return Page<RegionGroup>(options);
        }

        if (type == typeof(Page<Indicator>))
        {
            return Page<Indicator>(options);
        }

        if (type == typeof(Page<Observation>))
        {
            return Page<Observation>(options);
        }

        if (type == typeof(PlanSummary))
        {
            return JsonMetadataServices.CreateValueInfo<PlanSummary>(options, new PlanSummaryJsonConverter());
        }

        return null;
    }

    private static JsonTypeInfo<Page<T>> Page<T>(JsonSerializerOptions options)
        => JsonMetadataServices.CreateValueInfo<Page<T>>(options, new PageJsonConverter<T>());
}
