Console.WriteLine("DeltaSdk.Samples.Quickstart: not written yet.");
