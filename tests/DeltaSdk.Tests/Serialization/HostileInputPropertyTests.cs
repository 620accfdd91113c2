using System.Text;
using CsCheck;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// The readers' contract stated once and checked on generated input: valid documents of every kind (synthetic),
/// mutated by byte flips, truncation, insertion of nulls, lone surrogates, NULs and invalid UTF-8, and repetition.
/// On any bytes every entry point returns a result or throws <see cref="DeltaFormatException"/> with a path and a
/// message; all entry points agree on accept or refuse; what is accepted round-trips losslessly.
/// </summary>
public sealed class HostileInputPropertyTests
{
    private static readonly byte[][] Documents =
    [
        DeltaJson.WritePlanToUtf8Bytes(SyntheticModels.Plan()),
        DeltaJson.WriteRegionsToUtf8Bytes(SyntheticModels.RegionTable()),
        DeltaJson.WriteObservationsToUtf8Bytes(SyntheticModels.Batch(4)),
        DeltaJson.WriteProgressReportToUtf8Bytes(SyntheticModels.Report()),
    ];

    // What a hostile corpus inserts: nulls, hostile strings and names, structure, bytes that are not UTF-8.
    private static readonly byte[][] Insertions =
    [
        "null"u8.ToArray(), "null,"u8.ToArray(), "\"\\ud800\""u8.ToArray(), "\"\\udc00\": 1,"u8.ToArray(), "\"\\u0000\""u8.ToArray(),
        "\\u0000"u8.ToArray(), "\"extensionData\": 1,"u8.ToArray(), "\"x\": \"\\ud800\","u8.ToArray(), [0xFF], [0xC3], [0xED, 0xA0, 0x80],
        "["u8.ToArray(), "]"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "1e999"u8.ToArray(),
        "T24:00:00Z"u8.ToArray(), "   \n  "u8.ToArray(), "\"zh-hans\": \"x\","u8.ToArray(),
    ];

    private static readonly Gen<(int Document, byte[] Bytes)> Mutated =
        Gen.Select(Gen.Int[0, Documents.Length - 1], Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[1, 4], static (doc, kind, a, b, count) =>
        {
            var source = Documents[doc];
            var bytes = source.ToList();
            for (var n = 0; n < count; n++)
            {
                var at = (int)((uint)(a + (n * 7919)) % (uint)(bytes.Count + 1));
                switch (kind)
                {
                    case 0 when at < bytes.Count: // flip one byte
                        bytes[at] ^= (byte)(1 << (b % 8));
                        break;
                    case 1: // truncate
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    case 2 or 3: // insert something hostile
                        bytes.InsertRange(at, Insertions[(b + n) % Insertions.Length]);
                        break;
                    case 4 when at < bytes.Count: // repeat a slice
                        var length = Math.Min(1 + (b % 64), bytes.Count - at);
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                        break;
                    case 5 when at < bytes.Count: // delete a slice
                        bytes.RemoveRange(at, Math.Min(1 + (b % 16), bytes.Count - at));
                        break;
                }
            }

            return (doc, bytes.ToArray());
        });

    [Fact]
    public void Every_reader_returns_or_throws_DeltaFormatException_with_path_and_message_and_all_agree()
        => Mutated.SampleAsync(static input => CheckContractAsync(input.Document, input.Bytes), iter: 400, threads: 1);

    [Fact]
    public void The_stream_reader_agrees_with_ReadObservations_on_mutated_batches()
        => Mutated.Where(static input => input.Document == 2).SampleAsync(static async input =>
        {
            var batch = Outcome.Of(() => DeltaJson.ReadObservations(input.Bytes));
            var streamed = await Outcome.OfStreamAsync(input.Bytes, chunk: 7);
            Assert.True(batch.Accepted == streamed.Accepted, $"ReadObservations {batch}, StreamObservationsAsync {streamed}");
            if (batch.Value is ObservationBatch read)
            {
                Assert.Equal(read.Observations.Length, streamed.Count);
            }
        }, iter: 200, threads: 1);

    [Fact]
    public void Unmutated_documents_round_trip_byte_for_byte()
    {
        for (var i = 0; i < Documents.Length; i++)
        {
            Assert.Equal(Documents[i], Write(i, Read(i, Documents[i], null)));
        }
    }

    private static async Task CheckContractAsync(int document, byte[] bytes)
    {
        var lenient = Outcome.Of(() => Read(document, bytes, null));
        var strict = Outcome.Of(() => Read(document, bytes, DeltaJsonReaderOptions.StrictDefault));

        // Strict refuses what lenient refuses; lenient accepts what strict accepts.
        Assert.True(!strict.Accepted || lenient.Accepted, $"strict {strict}, lenient {lenient}");

        // The fast readers agree with the generated contract alone (which runs after the text check in every reader).
        if (DocumentText.Find(bytes) is null)
        {
            var contract = Outcome.Of(() => ReadContract(document, bytes));
            Assert.True(contract.Accepted == lenient.Accepted, $"contract {contract}, fast readers and contract {lenient}");
            if (contract.Value is { } fromContract && lenient.Value is { } fromFast)
            {
                Assert.Equal(Write(document, fromContract), Write(document, fromFast));
            }
        }

        // The text and stream overloads agree with the bytes one (text only when the bytes are text at all).
        if (Utf8Valid(bytes))
        {
            var text = Outcome.Of(() => ReadText(document, Encoding.UTF8.GetString(bytes)));
            Assert.True(text.Accepted == lenient.Accepted, $"string {text}, bytes {lenient}");
        }

        var stream = await Outcome.OfAsync(() => ReadStreamAsync(document, bytes));
        Assert.True(stream.Accepted == lenient.Accepted, $"stream {stream}, bytes {lenient}");

        // The validator never throws, and refuses at the reading stage what the reader refuses.
        var report = new DeltaValidator().ValidateJson(bytes);
        var readCodes = new[] { DeltaRules.JsonSyntax.Code, DeltaRules.InvalidDocument.Code, DeltaRules.MalformedIdentifier.Code, DeltaRules.UnsupportedFormatVersion.Code };
        var validatorRefused = report.Diagnostics.Any(d => readCodes.Contains(d.Code));
        if (report.DocumentKind == Kind(document))
        {
            Assert.True(validatorRefused == !lenient.Accepted, $"validator refused={validatorRefused}, reader {lenient}");
        }

        if (lenient.Value is { } model)
        {
            // Accepted: the writer's output is read again, to the same document (lossless round trip).
            var written = Write(document, model);
            var again = Read(document, written, null);
            Assert.Equal(written, Write(document, again));
        }
    }

    private static bool Utf8Valid(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static DeltaDocumentKind Kind(int document) => document switch
    {
        0 => DeltaDocumentKind.Plan,
        1 => DeltaDocumentKind.RegionTable,
        2 => DeltaDocumentKind.ObservationBatch,
        _ => DeltaDocumentKind.ProgressReport,
    };

    private static object Read(int document, byte[] bytes, DeltaJsonReaderOptions? options) => document switch
    {
        0 => DeltaJson.ReadPlan(bytes, options),
        1 => DeltaJson.ReadRegions(bytes, options),
        2 => DeltaJson.ReadObservations(bytes, options),
        _ => DeltaJson.ReadProgressReport(bytes, options),
    };

    private static object ReadContract(int document, byte[] bytes) => document switch
    {
        0 => DocumentIO.ReadContract<Plan>(bytes, DeltaJsonReaderOptions.Default),
        1 => DocumentIO.ReadContract<RegionTable>(bytes, DeltaJsonReaderOptions.Default),
        2 => DocumentIO.ReadContract<ObservationBatch>(bytes, DeltaJsonReaderOptions.Default),
        _ => DocumentIO.ReadContract<ProgressReport>(bytes, DeltaJsonReaderOptions.Default),
    };

    private static object ReadText(int document, string json) => document switch
    {
        0 => DeltaJson.ReadPlan(json),
        1 => DeltaJson.ReadRegions(json),
        2 => DeltaJson.ReadObservations(json),
        _ => DeltaJson.ReadProgressReport(json),
    };

    private static async Task<object> ReadStreamAsync(int document, byte[] bytes)
    {
        using var stream = new ChunkedStream(bytes, 4096);
        return document switch
        {
            0 => await DeltaJson.ReadPlanAsync(stream),
            1 => await DeltaJson.ReadRegionsAsync(stream),
            2 => await DeltaJson.ReadObservationsAsync(stream),
            _ => await DeltaJson.ReadProgressReportAsync(stream),
        };
    }

    private static byte[] Write(int document, object model) => model switch
    {
        Plan plan => DeltaJson.WritePlanToUtf8Bytes(plan),
        RegionTable regions => DeltaJson.WriteRegionsToUtf8Bytes(regions),
        ObservationBatch batch => DeltaJson.WriteObservationsToUtf8Bytes(batch),
        ProgressReport report => DeltaJson.WriteProgressReportToUtf8Bytes(report),
        _ => throw new ArgumentException($"Not a document of kind {document}.", nameof(model)),
    };

    private sealed record Outcome(object? Value, DeltaFormatException? Error, int Count = 0)
    {
        public bool Accepted => Error is null;

        public static Outcome Of(Func<object> read)
        {
            try
            {
                return new(read(), null);
            }
            catch (DeltaFormatException exception)
            {
                AssertExplained(exception);
                return new(null, exception);
            }
        }

        public static async Task<Outcome> OfAsync(Func<Task<object>> read)
        {
            try
            {
                return new(await read(), null);
            }
            catch (DeltaFormatException exception)
            {
                AssertExplained(exception);
                return new(null, exception);
            }
        }

        public static async Task<Outcome> OfStreamAsync(byte[] bytes, int chunk)
        {
            var count = 0;
            try
            {
                await foreach (var _ in DeltaJson.StreamObservationsAsync(new ChunkedStream(bytes, chunk)))
                {
                    count++;
                }

                return new(null, null, count);
            }
            catch (DeltaFormatException exception)
            {
                AssertExplained(exception);
                return new(null, exception, count);
            }
        }

        public override string ToString() => Error is null ? "accepted" : $"refused at {Error.Path}: {Error.Message}";

        private static void AssertExplained(DeltaFormatException exception)
        {
            Assert.False(string.IsNullOrWhiteSpace(exception.Path));
            Assert.StartsWith("$", exception.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            Assert.DoesNotContain("internal error", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("could not be converted", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("DeltaSdk.", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber:", exception.Message, StringComparison.Ordinal);
        }
    }
}
