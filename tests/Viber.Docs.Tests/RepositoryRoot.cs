namespace Viber.Docs.Tests;

/// <summary>The repository's root directory, found from the test's output directory.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Viber.AspNetCore.sln";

    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds {Marker}.");
    }
}
