using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Fuzz;

/// <summary>
/// The contract the fuzzer checks on every input: each reader returns a document or throws
/// <see cref="DeltaFormatException"/> with a path and a message; the validator returns a report; an accepted
/// document is written and read back to the same bytes. Any other outcome throws, which libFuzzer reports as a crash
/// and saves the input.
/// </summary>
internal static class ReaderTarget
{
    private static readonly DeltaValidator Validator = new();

    public static void Run(ReadOnlySpan<byte> input)
    {
        Check(input, static (bytes, options) => DeltaJson.WritePlanToUtf8Bytes(DeltaJson.ReadPlan(bytes, options)));
        Check(input, static (bytes, options) => DeltaJson.WriteRegionsToUtf8Bytes(DeltaJson.ReadRegions(bytes, options)));
        Check(input, static (bytes, options) => DeltaJson.WriteObservationsToUtf8Bytes(DeltaJson.ReadObservations(bytes, options)));
        Check(input, static (bytes, options) => DeltaJson.WriteProgressReportToUtf8Bytes(DeltaJson.ReadProgressReport(bytes, options)));
        _ = Validator.ValidateJson(input);
    }

    private delegate byte[] ReadWrite(ReadOnlySpan<byte> utf8, DeltaJsonReaderOptions options);

    private static void Check(ReadOnlySpan<byte> input, ReadWrite readWrite)
    {
        foreach (var options in (ReadOnlySpan<DeltaJsonReaderOptions>)[DeltaJsonReaderOptions.Default, DeltaJsonReaderOptions.StrictDefault])
        {
            byte[] written;
            try
            {
                written = readWrite(input, options);
            }
            catch (DeltaFormatException exception)
            {
                if (string.IsNullOrEmpty(exception.Path) || string.IsNullOrEmpty(exception.Message) || exception.Message.Contains("internal error", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A DeltaFormatException without a path or a message, or from an internal error.", exception);
                }

                continue;
            }

            // Accepted: the canonical form reads back to itself (lossless, and within the default limits).
            var again = readWrite(written, DeltaJsonReaderOptions.Default);
            if (!again.AsSpan().SequenceEqual(written))
            {
                throw new InvalidOperationException("An accepted document does not round-trip to the same canonical bytes.");
            }
        }
    }
}
