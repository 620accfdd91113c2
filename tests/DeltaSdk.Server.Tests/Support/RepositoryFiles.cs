namespace DeltaSdk.Server.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeltaSdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DeltaSdk.sln above {AppContext.BaseDirectory}.");
    }
}
