using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace DeltaSdk.Serialization;

/// <summary>
/// The one place that knows the canonical DeltaSdk JSON format: the shared options, and typed read and write
/// helpers for each document type (plans, region tables, observation batches).
/// </summary>
public static class DeltaJson
{
    /// <summary>Gets the shared, read-only serializer options: the source-generated context plus the NodaTime converters.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a plan document.</summary>
    /// <param name="json">The document text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid plan; the exception says where and why.</exception>
    public static Plan ReadPlan(string json) => Read(json, TypeInfo<Plan>());

    /// <summary>Reads a plan document.</summary>
    /// <param name="utf8Json">The document as UTF-8 bytes.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid plan; the exception says where and why.</exception>
    public static Plan ReadPlan(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, TypeInfo<Plan>());

    /// <summary>Writes a plan document.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The document text.</returns>
    public static string WritePlan(Plan plan) => JsonSerializer.Serialize(plan, TypeInfo<Plan>());

    /// <summary>Reads a region table document.</summary>
    /// <param name="json">The document text.</param>
    /// <returns>The region table.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid region table; the exception says where and why.</exception>
    public static RegionTable ReadRegions(string json) => Read(json, TypeInfo<RegionTable>());

    /// <summary>Reads a region table document.</summary>
    /// <param name="utf8Json">The document as UTF-8 bytes.</param>
    /// <returns>The region table.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid region table; the exception says where and why.</exception>
    public static RegionTable ReadRegions(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, TypeInfo<RegionTable>());

    /// <summary>Writes a region table document.</summary>
    /// <param name="regions">The region table.</param>
    /// <returns>The document text.</returns>
    public static string WriteRegions(RegionTable regions) => JsonSerializer.Serialize(regions, TypeInfo<RegionTable>());

    /// <summary>Reads an observation batch document.</summary>
    /// <param name="json">The document text.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid batch; the exception says where and why.</exception>
    public static ObservationBatch ReadObservations(string json) => Read(json, TypeInfo<ObservationBatch>());

    /// <summary>Reads an observation batch document.</summary>
    /// <param name="utf8Json">The document as UTF-8 bytes.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="DeltaFormatException">The document is not a valid batch; the exception says where and why.</exception>
    public static ObservationBatch ReadObservations(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, TypeInfo<ObservationBatch>());

    /// <summary>Writes an observation batch document.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The document text.</returns>
    public static string WriteObservations(ObservationBatch batch) => JsonSerializer.Serialize(batch, TypeInfo<ObservationBatch>());

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static T Read<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new DeltaFormatException($"Expected a {typeof(T).Name} object, found null.", "$");
        }
        catch (JsonException exception)
        {
            throw Wrap(exception);
        }
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo) ?? throw new DeltaFormatException($"Expected a {typeof(T).Name} object, found null.", "$");
        }
        catch (JsonException exception)
        {
            throw Wrap(exception);
        }
    }

    private static DeltaFormatException Wrap(JsonException exception)
        => new(exception.Message, exception.Path, exception.LineNumber, exception.BytePositionInLine, exception);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(DeltaJsonContext.Default.Options);
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }
}
