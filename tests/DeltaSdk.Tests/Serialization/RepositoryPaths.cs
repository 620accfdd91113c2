namespace DeltaSdk.Tests.Serialization;

/// <summary>Finds the repository from the test output folder, for golden and schema files.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DeltaSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DeltaSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
