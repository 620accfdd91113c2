using System.Text;
using DeltaSdk.Samples.Validate;

// Chinese messages (--lang zh-Hans) must survive terminals whose default code page is not UTF-8.
Console.OutputEncoding = Encoding.UTF8;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// dotnet run --project samples/DeltaSdk.Samples.Validate -- samples/DeltaSdk.Samples.Validate/examples/synthetic-plan-bad.json
return await ValidateCommand.RunAsync(args, Console.Out, cancellation.Token);
