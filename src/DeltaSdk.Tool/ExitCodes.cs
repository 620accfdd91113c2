namespace DeltaSdk.Tool;

/// <summary>The exit codes of every <c>delta</c> command, as documented in docs/articles/command-line.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>The inputs were read and have errors (validation findings).</summary>
    public const int Findings = 1;

    /// <summary><c>delta diff</c>: the two documents differ (the same code as <see cref="Findings"/>, as <c>diff</c> uses it).</summary>
    public const int Differences = 1;

    /// <summary>The command line is wrong, or a file or server could not be read or written.</summary>
    public const int UsageOrIo = 2;

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
