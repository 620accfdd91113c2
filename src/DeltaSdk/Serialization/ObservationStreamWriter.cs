using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>Writes an observation batch document from a sequence of observations, holding one chunk at a time.</summary>
internal static class ObservationStreamWriter
{
    private const int FlushThreshold = 32 * 1024;

    public static async Task WriteAsync(Stream utf8Json, IAsyncEnumerable<Observation> observations, PlanId? plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(observations);
        var typeInfo = DeltaJsonContract.TypeInfo<Observation>(DeltaJsonContract.Lenient);
        var writer = new Utf8JsonWriter(utf8Json, DeltaJsonContract.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            // Same members, same order as the contract of ObservationBatch writes them (a test holds the two equal).
            writer.WriteStartObject();
            writer.WriteString(DocumentHeader.SchemaProperty, DocumentHeader.SchemaUri(DeltaDocumentKind.ObservationBatch));
            writer.WriteString(DocumentHeader.FormatVersionProperty, DocumentHeader.FormatVersion);
            if (plan is { } id)
            {
                writer.WriteString("plan", id.ToString());
            }

            var started = false;
            await foreach (var observation in observations.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                ArgumentNullException.ThrowIfNull(observation, nameof(observations));
                if (!started)
                {
                    // An empty list is left out, as in every canonical document; so the array opens on the first item.
                    writer.WriteStartArray("observations");
                    started = true;
                }

                JsonSerializer.Serialize(writer, observation, typeInfo);
                if (writer.BytesPending > FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (started)
            {
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await utf8Json.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
