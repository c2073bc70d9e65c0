using Microsoft.Playwright;

namespace Viber.Browser.Tests.Support;

/// <summary>Saves page screenshots as test artifacts under <c>artifacts/screenshots/</c> of the repository.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Viber.AspNetCore.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
