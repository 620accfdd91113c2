using Microsoft.Extensions.FileSystemGlobbing;

namespace DeltaSdk.Tool.Validation;

/// <summary>
/// Expands the file arguments of a command: globs (<c>*</c>, <c>?</c>, <c>**</c>) are matched here, so that they
/// work the same in shells that do not expand them (Windows) and in quotes; <c>-</c> is standard input.
/// </summary>
internal static class InputFiles
{
    /// <summary>Expands the arguments, in the order given, each file once.</summary>
    /// <param name="arguments">The arguments as typed.</param>
    /// <param name="workingDirectory">The directory relative arguments are resolved against.</param>
    /// <returns>The files.</returns>
    /// <exception cref="ToolException">A glob matches nothing, or <c>-</c> is given twice.</exception>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments, string workingDirectory)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument == "-")
            {
                if (!seen.Add("-"))
                {
                    throw new ToolException("Standard input ('-') is named twice; it can be read only once.");
                }

                files.Add(new InputFile(InputFile.StandardInputName, null));
                continue;
            }

            if (argument.IndexOfAny(['*', '?']) < 0)
            {
                var full = Path.GetFullPath(argument, workingDirectory);
                if (seen.Add(full))
                {
                    files.Add(new InputFile(argument, full));
                }

                continue;
            }

            var matches = Match(argument, workingDirectory);
            if (matches.Count == 0)
            {
                throw new ToolException($"No file matches '{argument}'. Check the pattern and the directory it is relative to ({workingDirectory}).");
            }

            foreach (var match in matches)
            {
                if (seen.Add(match.FullPath!))
                {
                    files.Add(match);
                }
            }
        }

        return files;
    }

    private static List<InputFile> Match(string pattern, string workingDirectory)
    {
        // The fixed directory part before the first wildcard is the root the matcher searches.
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && segments[fixedCount].IndexOfAny(['*', '?']) < 0)
        {
            fixedCount++;
        }

        var prefix = string.Join('/', segments.Take(fixedCount));
        var rest = string.Join('/', segments.Skip(fixedCount));
        var root = Path.GetFullPath(prefix.Length == 0 ? "." : prefix, workingDirectory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        return matcher.GetResultsInFullPath(root)
            .Order(StringComparer.Ordinal)
            .Select(full => new InputFile(prefix.Length == 0 ? Path.GetRelativePath(workingDirectory, full) : Path.Join(prefix, Path.GetRelativePath(root, full)), full))
            .ToList();
    }
}
