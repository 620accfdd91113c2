using System.CommandLine;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Changes;
using DeltaSdk.Tool.Conversion;
using DeltaSdk.Tool.Pull;
using DeltaSdk.Tool.Schemas;
using DeltaSdk.Tool.Show;
using DeltaSdk.Tool.Status;
using DeltaSdk.Tool.Validation;

namespace DeltaSdk.Tool;

/// <summary>The <c>delta</c> command line: its commands, and the one place errors become messages and exit codes.</summary>
internal static class DeltaCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="context">Where the commands read and write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand(ToolContext context)
    {
        var root = new RootCommand(
            "delta: validate, convert, compare, inspect, pull and summarize files of the Yangtze River Delta 2024-2026 action plan " +
            "(the DeltaSdk canonical JSON format). Exit codes: 0 success, 1 validation errors (diff: the files differ), 2 usage or I/O failure, 130 cancelled.");
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(ConvertCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(PullCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="context">Where the commands read and write.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine would exit with 1, which delta keeps for validation findings: usage errors are 2.
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            var command = parseResult.CommandResult.Command;
            var name = command == root ? "delta" : "delta " + command.Name;
            await context.Error.WriteLineAsync($"Run '{name} --help' for the commands and options.").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,

            // delta reports its own errors (below) so that user errors never show a stack trace.
            EnableDefaultExceptionHandler = false,

            // Ctrl+C is handled by the caller's token (Program.cs), identically in-process and as a process.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever failed after Ctrl+C (a cancelled read, a request the client reports as aborted) is its result.
            await context.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (ToolException exception)
        {
            await context.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
        catch (DeltaFormatException exception)
        {
            // Commands wrap these with the file name; this is the safety net for one that escaped without it.
            await context.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }
    }
}
