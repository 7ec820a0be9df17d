using System.Globalization;
using Samordna.Web.Platform;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.Documents;

/// <summary>A PDF that passed the checks and is stored under its id in the data folder.</summary>
public sealed record StoredPdf(Guid Id, long Length, string OriginalFileName);

/// <summary>
/// The documents' files. An upload is accepted only when it starts with the PDF signature "%PDF-" (what the browser
/// or the file name claims is ignored) and is at most <see cref="MaxBytes"/> long. Files are written to a temporary
/// name and moved into place, so a half-written file is never served.
/// </summary>
public sealed class DocumentStore(IConfiguration configuration, IHostEnvironment environment)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string Folder = "documents";
    public const string NotPdfMessage = "Filen är inte en PDF. Välj en fil i formatet PDF (den ska börja med %PDF-).";

    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public string PathOf(Guid id) => Path.Combine(configuration.GetDataDirectory(environment), Folder, id.ToString("N") + ".pdf");

    /// <summary>Why an upload cannot be accepted, in Swedish; null when it is a PDF of an allowed size.</summary>
    public static async Task<string?> CheckAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            return "Den valda filen är tom. Välj en PDF-fil.";
        }
        if (file.Length > MaxBytes)
        {
            return $"Filen är för stor ({FileSizes.Format(file.Length, StockholmTime.Swedish)}). En PDF får vara högst 20 MB.";
        }
        await using var stream = file.OpenReadStream();
        var header = new byte[Signature.Length];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return IsPdf(header.AsSpan(0, read)) ? null : NotPdfMessage;
    }

    /// <summary>Checks and stores an upload; returns the stored file, or a Swedish message saying why it was refused.</summary>
    public async Task<(StoredPdf? File, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (await CheckAsync(file, cancellationToken) is { } error)
        {
            return (null, error);
        }
        await using var source = file.OpenReadStream();
        return (await SaveAsync(source, CleanFileName(file.FileName), cancellationToken), null);
    }

    /// <summary>Stores bytes already known to be a PDF (the demo content).</summary>
    public async Task<StoredPdf> SaveAsync(Stream source, string originalFileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var id = Guid.NewGuid();
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        long length;
        await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await source.CopyToAsync(target, cancellationToken);
            length = target.Length;
        }
        File.Move(temporary, path);
        return new StoredPdf(id, length, originalFileName);
    }

    /// <summary>Removes a file nothing points to any more; a file still being served is left for the next attempt.</summary>
    public void Delete(Guid id)
    {
        try
        {
            File.Delete(PathOf(id));
        }
        catch (IOException)
        {
            // Still open by a request serving it; no row refers to it, so no one can ask for it again.
        }
    }

    public static bool IsPdf(ReadOnlySpan<byte> header) => header.StartsWith(Signature);

    private static string CleanFileName(string? name)
    {
        var plain = Path.GetFileName(name ?? "").Trim();
        plain = new string(plain.Where(c => !char.IsControl(c)).ToArray());
        return plain.Length <= Document.FileNameMaxLength ? plain : plain[..Document.FileNameMaxLength];
    }
}

/// <summary>File sizes as people read them: "812 byte", "45 kB", "1,2 MB" (with the culture's decimal sign).</summary>
public static class FileSizes
{
    public static string Format(long bytes, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        const double kilo = 1024, mega = 1024 * 1024;
        return bytes switch
        {
            < 1024 => bytes.ToString(culture) + " byte",
            < 1024 * 1024 => Math.Max(1, Math.Round(bytes / kilo, MidpointRounding.AwayFromZero)).ToString("0", culture) + " kB",
            _ => (bytes / mega).ToString("0.0", culture) + " MB",
        };
    }

    /// <summary>In the visitor's language: Swedish unless they switched to English.</summary>
    public static string Format(long bytes) =>
        Format(bytes, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? StockholmTime.Swedish : CultureInfo.GetCultureInfo("en-GB"));
}
