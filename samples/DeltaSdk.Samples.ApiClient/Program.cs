Console.WriteLine("DeltaSdk.Samples.ApiClient: not written yet.");
