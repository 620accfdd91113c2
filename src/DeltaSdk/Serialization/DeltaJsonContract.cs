using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Serialization;

/// <summary>
/// Builds the serializer options of the canonical format from <see cref="DeltaJsonContext"/>: the document header,
/// empty arrays left out, and for strict reading unknown properties refused. One options instance per distinct
/// (strict, depth) pair, cached, because building the metadata is the expensive part of serialization.
/// </summary>
internal static class DeltaJsonContract
{
    private static readonly ConcurrentDictionary<(bool Strict, int MaxDepth), JsonSerializerOptions> Cache = new();
    private static readonly ConcurrentDictionary<(bool Strict, int MaxDepth), JsonSerializerOptions> FastCache = new();

    /// <summary>Gets the writer options every canonical document is written with.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",

        // Documents are files and HTTP bodies, not HTML: keep Chinese text readable rather than \u-escaped.
        // Quotes, backslashes and control characters are still escaped, so the output is valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = DeltaJsonReaderOptions.DefaultMaxDepth,
    };

    // Declared after WriterOptions on purpose: static initializers run in order, and Create reads WriterOptions.
    /// <summary>Gets the lenient options with the default depth: the shared <see cref="DeltaJson.Options"/>.</summary>
    public static JsonSerializerOptions Lenient { get; } = For(strict: false, DeltaJsonReaderOptions.DefaultMaxDepth);

    public static JsonSerializerOptions For(DeltaJsonReaderOptions options) => For(options.Strict, options.MaxDepth);

    public static JsonSerializerOptions For(bool strict, int maxDepth) => Cache.GetOrAdd((strict, maxDepth), static key => Create(key.Strict, key.MaxDepth));

    /// <summary>
    /// Gets the reading options of the fast path: the contract options plus the hand-written readers of the
    /// records below the documents (see <see cref="FastRead"/>). Internal on purpose: a fast reader gives up on unusual input rather than
    /// explain it, so only callers that then read again through <see cref="For(DeltaJsonReaderOptions)"/> may use them.
    /// </summary>
    public static JsonSerializerOptions FastFor(DeltaJsonReaderOptions options)
        => FastCache.GetOrAdd((options.Strict, options.MaxDepth), static key =>
        {
            var fast = new JsonSerializerOptions(For(key.Strict, key.MaxDepth));
            FastRecords.AddTo(fast.Converters, key.Strict);
            fast.MakeReadOnly();
            return fast;
        });

    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create(bool strict, int maxDepth)
    {
        IJsonTypeInfoResolver resolver = DeltaJsonContext.Default.WithAddedModifier(Canonical);
        if (strict)
        {
            resolver = resolver.WithAddedModifier(Strict);
        }

        var options = new JsonSerializerOptions(DeltaJsonContext.Default.Options)
        {
            TypeInfoResolver = resolver,
            MaxDepth = maxDepth,
            NewLine = WriterOptions.NewLine,
            Encoder = WriterOptions.Encoder,
            WriteIndented = true,
            IndentSize = WriterOptions.IndentSize,
            IndentCharacter = WriterOptions.IndentCharacter,
        };
        options.Converters.Add(new FiniteDoubleJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void Canonical(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // Members kept off the wire ([JsonIgnore]: ExtensionData, computed counts) are taken out of the contract, so
        // that a document member of the same name is an unknown member like any other: kept in the extension data
        // and written back (lenient) or refused (strict), never silently dropped.
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var candidate = typeInfo.Properties[i];
            if (!candidate.IsExtensionData && candidate.Get is null && candidate.Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }

        List<JsonPropertyInfo>? lists = null;
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                // Canonical form: an empty list is written as nothing at all; a null list is refused on reading.
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
                if (!property.PropertyType.GetGenericArguments()[0].IsValueType && property.Get is not null)
                {
                    (lists ??= []).Add(property);
                }
            }
        }

        if (lists is not null)
        {
            var checkedLists = lists.ToArray();
            typeInfo.OnDeserialized = value => RefuseNullItems(value, checkedLists);
        }

        if (DocumentHeader.KindOf(typeInfo.Type) is { } kind)
        {
            DocumentHeader.AddTo(typeInfo, kind);
        }
    }

    /// <summary>A list never holds null: a null item is an error at its own path, for every list of every record.</summary>
    private static void RefuseNullItems(object value, JsonPropertyInfo[] lists)
    {
        foreach (var list in lists)
        {
            if (list.Get!(value) is IList items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is null)
                    {
                        var itemType = list.PropertyType.GetGenericArguments()[0];
                        throw new DeltaJsonException(
                            $"Found null, expected {WireDescriptions.Describe(itemType)}: a list holds no nulls.",
                            JsonPaths.Property(list.Name) + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                    }
                }
            }
        }
    }

    private static void Strict(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].IsExtensionData)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }

        typeInfo.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
