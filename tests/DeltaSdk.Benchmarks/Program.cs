using BenchmarkDotNet.Running;

// Run a subset with, for example: dotnet run -c Release --project tests/DeltaSdk.Benchmarks -- --filter *Json*
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
