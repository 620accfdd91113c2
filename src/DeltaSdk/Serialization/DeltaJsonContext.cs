using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// The source-generated serialization metadata for every public model type. Use it through
/// <see cref="DeltaJson.Options"/> (which also carries the NodaTime converters) rather than directly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(RegionTable))]
[JsonSerializable(typeof(ObservationBatch))]
[JsonSerializable(typeof(ProgressReport))]
[JsonSerializable(typeof(Observation))]
[JsonSerializable(typeof(Aspect))]
[JsonSerializable(typeof(KeyTask))]
[JsonSerializable(typeof(Region))]
[JsonSerializable(typeof(RegionGroup))]
[JsonSerializable(typeof(Agency))]
[JsonSerializable(typeof(Indicator))]
[JsonSerializable(typeof(LocalizedText))]
[JsonSerializable(typeof(SourceReference))]
public sealed partial class DeltaJsonContext : JsonSerializerContext;
