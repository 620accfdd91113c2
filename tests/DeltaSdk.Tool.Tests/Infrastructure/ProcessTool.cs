using System.Diagnostics;

namespace DeltaSdk.Tool.Tests.Infrastructure;

/// <summary>
/// Runs <c>delta</c> as a separate process (<c>dotnet delta.dll</c>, as the installed tool's shim does), with its
/// standard streams redirected, as a script or a CI job runs it.
/// </summary>
public static class ProcessTool
{
    public static string ToolPath
    {
        get
        {
            // The tool's build output is copied beside the tests by the project reference.
            var path = Path.Combine(AppContext.BaseDirectory, "delta.dll");
            Assert.True(File.Exists(path), $"delta.dll not found beside the tests ({path}).");
            return path;
        }
    }

    public static Process Start(string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static async Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyList<string> args, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await output, await error);
    }
}
