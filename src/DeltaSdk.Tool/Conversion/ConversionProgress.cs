using Spectre.Console;

namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// A progress bar over the bytes of the input, on standard error, drawn only when standard error is a terminal;
/// otherwise the work runs without one.
/// </summary>
internal static class ConversionProgress
{
    /// <summary>Runs work that reports how many bytes of the input it has read.</summary>
    /// <param name="context">The context.</param>
    /// <param name="description">What is done, for the bar.</param>
    /// <param name="totalBytes">The size of the input, or <see langword="null"/> when unknown.</param>
    /// <param name="work">The work; it calls the action with the bytes read so far.</param>
    /// <returns>A task that completes with the work.</returns>
    public static async Task RunAsync(ToolContext context, string description, long? totalBytes, Func<Action<long>, Task> work)
    {
        if (!context.ShowProgress || totalBytes is not > 0)
        {
            await work(static _ => { }).ConfigureAwait(false);
            return;
        }

        await context.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(description, maxValue: totalBytes.Value);
                await work(bytes => task.Value = Math.Min(bytes, totalBytes.Value)).ConfigureAwait(false);
                task.Value = totalBytes.Value;
            }).ConfigureAwait(false);
    }
}
