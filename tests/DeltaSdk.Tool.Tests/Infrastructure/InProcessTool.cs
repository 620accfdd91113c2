using System.Text;

namespace DeltaSdk.Tool.Tests.Infrastructure;

/// <summary>Runs <c>delta</c> in the test's process through <see cref="DeltaCli.RunAsync"/>, with writers for its output.</summary>
public static class InProcessTool
{
    public static async Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyList<string> args, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new ToolContext
        {
            Out = output,
            Error = error,
            Console = ToolContext.CreateConsole(output, interactive: false, noColor: true),
            ErrorConsole = ToolContext.CreateConsole(error, interactive: false, noColor: true),
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? string.Empty)),
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            WorkingDirectory = workingDirectory,
        };
        var exitCode = await DeltaCli.RunAsync(args, context, cancellationToken);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<ToolRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, (IReadOnlyList<string>)args);
}
