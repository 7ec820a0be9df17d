namespace Samordna.Web.Platform;

/// <summary>Installation-wide settings under the "Samordna" configuration section.</summary>
public sealed class SamordnaOptions
{
    public const string Section = "Samordna";

    /// <summary>Folder for the SQLite database, mail and SMS files, uploads and keys. Relative paths are resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Whether demo content is loaded into an empty database. Defaults to true in Development only.</summary>
    public bool? SeedDemoContent { get; set; }
}

public static class DataDirectoryExtensions
{
    /// <summary>The absolute, created data folder of this installation.</summary>
    public static string GetDataDirectory(this IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{SamordnaOptions.Section}:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
        Directory.CreateDirectory(full);
        return full;
    }
}
