using BenchmarkDotNet.Running;
using DeltaSdk.Benchmarks.Serialization;

// Run a subset with, for example: dotnet run -c Release --project tests/DeltaSdk.Benchmarks -- --filter *Json*
// Streaming memory peak of the JSON reader (not a BenchmarkDotNet run): -- --stream-peak [megabytes, default 512]
if (args.Length > 0 && args[0] == "--stream-peak")
{
    await JsonStreamPeak.RunAsync(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 512);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
