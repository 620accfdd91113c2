Console.WriteLine("DeltaSdk.Samples.PlanServer: not written yet.");
