using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Benchmarks.Serialization;

/// <summary>
/// Console mode <c>--stream-peak [megabytes]</c>: streams a synthetic observation batch of at least 500 MB, generated
/// on the fly (never on disk or in memory as a whole), through <see cref="DeltaJson.StreamObservationsAsync"/>, and
/// reports the peak working set and managed heap. Bounded memory shows as peaks that do not grow with the size.
/// </summary>
public static class JsonStreamPeak
{
    public static async Task RunAsync(long megabytes)
    {
        using var stream = new SyntheticObservationStream(megabytes * 1024 * 1024);
        var process = Process.GetCurrentProcess();
        long count = 0, peakHeap = 0, peakWorkingSet = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var observation in DeltaJson.StreamObservationsAsync(stream))
        {
            if (++count % 200_000 == 0)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            }

            _ = observation;
        }

        clock.Stop();
        process.Refresh();
        var mb = stream.Produced / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Streamed {count:N0} observations, {stream.Produced:N0} bytes ({mb:N0} MiB) in {clock.Elapsed.TotalSeconds:N1} s = {mb / clock.Elapsed.TotalSeconds:N1} MiB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak managed heap (sampled every 200,000 items): {peakHeap / 1024.0 / 1024.0:N1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set (sampled): {peakWorkingSet / 1024.0 / 1024.0:N1} MiB; process peak (VmHWM): {process.PeakWorkingSet64 / 1024.0 / 1024.0:N1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC counts gen0/gen1/gen2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    }

    /// <summary>A read-only stream that generates a synthetic observation batch document of a given size as it is read.</summary>
    private sealed class SyntheticObservationStream : Stream
    {
        private readonly byte[] _header;
        private readonly byte[] _chunk;
        private readonly byte[] _footer = "\n  ]\n}\n"u8.ToArray();
        private readonly long _target;
        private byte[] _current;
        private int _offset;
        private int _stage; // 0 header, 1 chunks, 2 footer, 3 done

        public SyntheticObservationStream(long target)
        {
            _target = target;
            var items = Enumerable.Range(0, 1000).Select(i => JsonSerializer.Serialize(SyntheticJsonDocuments.SyntheticObservation(i), DeltaJson.Options).Replace("\n", "\n    ", StringComparison.Ordinal));
            var first = DeltaJson.WriteObservations(new ObservationBatch { Plan = PlanId.Parse("synthetic-plan"), Observations = [SyntheticJsonDocuments.SyntheticObservation(0)] });
            _header = Encoding.UTF8.GetBytes(first[..first.LastIndexOf("\n  ]", StringComparison.Ordinal)]);
            _chunk = Encoding.UTF8.GetBytes(string.Concat(items.Select(static i => ",\n    " + i)));
            _current = _header;
        }

        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Produced; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _stage < 3)
            {
                if (_offset == _current.Length)
                {
                    _offset = 0;
                    (_current, _stage) = _stage switch
                    {
                        0 or 1 when Produced < _target => (_chunk, 1),
                        0 or 1 => (_footer, 2),
                        _ => (_current, 3),
                    };
                    continue;
                }

                var n = Math.Min(buffer.Length - written, _current.Length - _offset);
                _current.AsSpan(_offset, n).CopyTo(buffer[written..]);
                _offset += n;
                written += n;
                Produced += n;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
