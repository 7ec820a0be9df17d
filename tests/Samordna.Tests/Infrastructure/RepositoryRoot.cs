namespace Samordna.Tests.Infrastructure;

/// <summary>The checkout the tests run from (the folder with Samordna.slnx), for tests that read the sources.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string FullName => Root.Value;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Samordna.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Samordna.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
