using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using DeltaSdk.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Task pages are the hot path: each task's JSON (and its digest) is made once per task object and pages are
/// assembled from those pieces, instead of serializing and hashing every task of every page on every request.
/// </summary>
/// <remarks>
/// Keyed by object identity: stores keep handing out the same immutable <see cref="KeyTask"/> instances, and a
/// task that is no longer referenced drops out of the cache with it.
/// </remarks>
internal static class TaskJsonCache
{
    private static readonly ConditionalWeakTable<KeyTask, Entry> Entries = [];

    public static Entry Get(KeyTask task) => Entries.GetValue(task, static t =>
    {
        var json = ServerJson.Serialize(t);
        return new Entry(json, SHA256.HashData(json).AsSpan(0, 16).ToArray());
    });

    /// <summary>Writes <c>{"items":[...],"nextPageToken":...}</c> exactly as the serializer would, and an ETag that changes whenever those bytes do.</summary>
    public static (byte[] Body, string ETag) WritePage(IReadOnlyList<KeyTask> tasks, string? nextPageToken)
    {
        var entries = new Entry[tasks.Count];
        var length = 64 + (nextPageToken?.Length ?? 0);
        for (var i = 0; i < tasks.Count; i++)
        {
            entries[i] = Get(tasks[i]);
            length += entries[i].Json.Length + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ServerJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(Names.Items);
            foreach (var entry in entries)
            {
                writer.WriteRawValue(entry.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (nextPageToken is null)
            {
                writer.WriteNull(Names.NextPageToken);
            }
            else
            {
                writer.WriteString(Names.NextPageToken, nextPageToken);
            }

            writer.WriteEndObject();
        }

        // A digest of the pieces' digests and the token: as collision-resistant as one over the body, a fraction of the work.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in entries)
        {
            hash.AppendData(entry.Hash);
        }

        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(nextPageToken ?? "\0"));
        var etag = "\"p" + WebEncoders.Base64UrlEncode(hash.GetHashAndReset().AsSpan(0, 16)) + "\"";
        return (buffer.WrittenSpan.ToArray(), etag);
    }

    internal sealed record Entry(byte[] Json, byte[] Hash);

    private static class Names
    {
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText NextPageToken = JsonEncodedText.Encode("nextPageToken");
    }
}
