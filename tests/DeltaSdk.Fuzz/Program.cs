using DeltaSdk.Fuzz;
using SharpFuzz;

// libFuzzer hands each input to the target; anything but a result or DeltaFormatException crashes the run.
Fuzzer.LibFuzzer.Run(ReaderTarget.Run);
