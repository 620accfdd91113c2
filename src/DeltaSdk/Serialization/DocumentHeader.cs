using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Serialization;

/// <summary>
/// The two properties every document starts with, <c>"$schema"</c> and <c>"formatVersion"</c>. They are not model
/// members: the contract adds them to the four document types, so that every serializer path (the helpers, Refit,
/// ASP.NET Core) writes and checks them alike.
/// </summary>
internal static class DocumentHeader
{
    public const string SchemaProperty = "$schema";
    public const string FormatVersionProperty = "formatVersion";

    /// <summary>The version this code writes. Readers accept any 1.x: minor versions only add optional members.</summary>
    public const string FormatVersion = "1.0";

    public const int MajorVersion = 1;

    public const string SchemaBase = "https://deltasdk.dev/schema/v1/";

    public static DeltaDocumentKind? KindOf(Type type) => type == typeof(Plan) ? DeltaDocumentKind.Plan
        : type == typeof(RegionTable) ? DeltaDocumentKind.RegionTable
        : type == typeof(ObservationBatch) ? DeltaDocumentKind.ObservationBatch
        : type == typeof(ProgressReport) ? DeltaDocumentKind.ProgressReport
        : null;

    public static string FileName(DeltaDocumentKind kind) => kind switch
    {
        DeltaDocumentKind.Plan => "plan.schema.json",
        DeltaDocumentKind.RegionTable => "region-table.schema.json",
        DeltaDocumentKind.ObservationBatch => "observation-batch.schema.json",
        DeltaDocumentKind.ProgressReport => "progress-report.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a document kind."),
    };

    public static string SchemaUri(DeltaDocumentKind kind) => SchemaBase + FileName(kind);

    public static string Describe(DeltaDocumentKind kind) => kind switch
    {
        DeltaDocumentKind.Plan => "a plan",
        DeltaDocumentKind.RegionTable => "a region table",
        DeltaDocumentKind.ObservationBatch => "an observation batch",
        _ => "a progress report",
    };

    /// <summary>Adds the header properties, first and in this order, to a document type's contract.</summary>
    public static void AddTo(JsonTypeInfo typeInfo, DeltaDocumentKind kind)
    {
        var uri = SchemaUri(kind);
        var schema = Create(typeInfo, "DocumentSchema", SchemaProperty, _ => uri, new SchemaConverter(kind));
        schema.Order = int.MinValue;

        var version = Create(typeInfo, "DocumentFormatVersion", FormatVersionProperty, static _ => FormatVersion, FormatVersionConverter.Instance);
        version.IsRequired = true;
        version.Order = int.MinValue + 1;

        typeInfo.Properties.Insert(0, schema);
        typeInfo.Properties.Insert(1, version);
    }

    // JsonMetadataServices is what generated code calls: unlike JsonTypeInfo.CreateJsonPropertyInfo it needs no
    // reflection, so the core stays trim- and AOT-safe.
    private static JsonPropertyInfo Create(JsonTypeInfo typeInfo, string clrName, string jsonName, Func<object, string> getter, JsonConverter<string> converter)
        => JsonMetadataServices.CreatePropertyInfo(typeInfo.Options, new JsonPropertyInfoValues<string>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeInfo.Type,
            PropertyName = clrName,
            JsonPropertyName = jsonName,
            Getter = getter,
            Setter = static (_, _) => { },
            Converter = converter,
        });

    /// <summary>Whether a format version is one this library reads (see <see cref="CheckVersion"/>).</summary>
    public static bool IsSupported(string version)
    {
        try
        {
            CheckVersion(version);
            return true;
        }
        catch (DeltaJsonException)
        {
            return false;
        }
    }

    /// <summary>Checks a format version: any 1.x is read; 2.0 and later are refused.</summary>
    public static void CheckVersion(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == version.Length - 1
            || !int.TryParse(version.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(version.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new DeltaJsonException($"Found the format version {Internal.IdentifierSyntax.Describe(version)}, expected a version such as \"{FormatVersion}\" (major.minor).");
        }

        if (major > MajorVersion)
        {
            throw new DeltaJsonException($"The document is format version {version}, newer than this DeltaSdk reads (1.x): read it with a DeltaSdk release that supports format {major}.x.");
        }

        if (major < MajorVersion)
        {
            throw new DeltaJsonException($"Found the format version {Internal.IdentifierSyntax.Describe(version)}, expected \"{FormatVersion}\" or a later 1.x: no format older than 1.0 exists.");
        }
    }

    /// <summary>Checks a <c>$schema</c> value: a DeltaSdk schema of another document type means the wrong document was passed.</summary>
    public static void CheckSchema(string uri, DeltaDocumentKind expected)
    {
        foreach (var kind in Enum.GetValues<DeltaDocumentKind>())
        {
            if (kind != expected && string.Equals(uri, SchemaUri(kind), StringComparison.Ordinal))
            {
                throw new DeltaJsonException($"This is {Describe(kind)} document (\"$schema\": \"{uri}\"), expected {Describe(expected)} document (\"{SchemaUri(expected)}\").");
            }
        }
    }

    private sealed class FormatVersionConverter : JsonConverter<string>
    {
        public static readonly FormatVersionConverter Instance = new();

        // Called for null too: a null version is refused, not read as a missing one.
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected the format version as a string such as \"{FormatVersion}\".");
            }

            var version = reader.GetString()!;
            CheckVersion(version);
            return version;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class SchemaConverter(DeltaDocumentKind kind) : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected the schema URI string \"{SchemaUri(kind)}\".");
            }

            var uri = reader.GetString()!;
            CheckSchema(uri, kind);
            return uri;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
