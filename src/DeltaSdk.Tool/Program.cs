using System.Text;
using DeltaSdk.Tool;

// Chinese names and messages must survive terminals whose default code page is not UTF-8.
Console.OutputEncoding = Encoding.UTF8;

// Ctrl+C cancels the token every command passes down, so that files are closed and partial output is removed
// before the process exits with 130; System.CommandLine's own handling is switched off in DeltaCli.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await DeltaCli.RunAsync(args, ToolContext.ForConsole(), cancellation.Token).ConfigureAwait(false);
