namespace DeltaSdk.Tool.Validation;

/// <summary>A file named on the command line, after glob expansion, or standard input.</summary>
/// <param name="DisplayName">The name shown in output: the path as typed or matched, relative where it was relative.</param>
/// <param name="FullPath">The full path; <see langword="null"/> for standard input.</param>
internal sealed record InputFile(string DisplayName, string? FullPath)
{
    /// <summary>The display name of standard input.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>Gets a value indicating whether this is standard input.</summary>
    public bool IsStandardInput => FullPath is null;

    /// <summary>Gets the name as a relative URI with forward slashes, for SARIF.</summary>
    public string Uri => IsStandardInput ? "stdin" : string.Join('/', DisplayName.Replace('\\', '/').Split('/').Select(static s => s == ".." || s == "." ? s : System.Uri.EscapeDataString(s)));
}
