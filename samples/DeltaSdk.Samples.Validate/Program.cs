Console.WriteLine("DeltaSdk.Samples.Validate: not written yet.");
