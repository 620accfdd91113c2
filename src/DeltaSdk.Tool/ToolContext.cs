using Spectre.Console;

namespace DeltaSdk.Tool;

/// <summary>
/// Everything a command touches outside itself: the output and error writers, standard input, environment variables
/// and the working directory. The program passes the real console; tests pass writers and a temporary directory.
/// </summary>
internal sealed class ToolContext
{
    /// <summary>The width given to output that is not a terminal: wider than any line the tool writes.</summary>
    public const int UnwrappedWidth = 1000;

    /// <summary>Gets the writer for results (tables, JSON, SARIF, schemas).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets the writer for errors and progress.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets a Spectre console over <see cref="Out"/>, with colours only when they are wanted.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Gets a Spectre console over <see cref="Error"/>, for progress bars.</summary>
    public required IAnsiConsole ErrorConsole { get; init; }

    /// <summary>Gets a value indicating whether progress bars are drawn (standard error is an interactive terminal).</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Gets a function that opens standard input.</summary>
    public required Func<Stream> OpenStandardInput { get; init; }

    /// <summary>Gets a function that reads an environment variable.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>Gets the directory relative paths are resolved against.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Creates the context of a real run on the process's console.</summary>
    /// <returns>The context.</returns>
    public static ToolContext ForConsole()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new ToolContext
        {
            Out = System.Console.Out,
            Error = System.Console.Error,
            Console = CreateConsole(System.Console.Out, interactive: !System.Console.IsOutputRedirected, noColor),
            ErrorConsole = CreateConsole(System.Console.Error, interactive: !System.Console.IsErrorRedirected, noColor),
            ShowProgress = !System.Console.IsErrorRedirected,
            OpenStandardInput = System.Console.OpenStandardInput,
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
            WorkingDirectory = Environment.CurrentDirectory,
        };
    }

    /// <summary>Creates a console over a writer: plain text unless it is an interactive terminal without <c>NO_COLOR</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="interactive">Whether the writer is a terminal rather than a file or a pipe.</param>
    /// <param name="noColor">Whether <c>NO_COLOR</c> is set.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool interactive, bool noColor)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive && !noColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive)
        {
            // A file or a pipe has no width: lines are not wrapped, so that each result stays on one line for grep.
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>.</summary>
    /// <param name="path">The path as typed.</param>
    /// <returns>The full path.</returns>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
