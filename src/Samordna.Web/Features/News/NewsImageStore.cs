using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.News;

/// <summary>
/// Uploaded news images. A file is accepted only when its first bytes are those of a PNG, JPEG or WebP image
/// (what the browser or file name claims is ignored) and it is at most <see cref="MaxBytes"/> long. The bytes are
/// stored under the data folder by id; the database row keeps the type that the sniffing found.
/// </summary>
public sealed class NewsImageStore(AppDbContext db, TimeProvider time, IConfiguration configuration, IHostEnvironment environment)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string Folder = "news-images";

    public string PathOf(Guid id) => Path.Combine(configuration.GetDataDirectory(environment), Folder, id.ToString("N"));

    /// <summary>Checks and stores an upload; returns the new image, or a Swedish message saying why it was refused.</summary>
    public async Task<(NewsImage? Image, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            return (null, "Den valda filen är tom. Välj en bild i formatet PNG, JPEG eller WebP.");
        }
        if (file.Length > MaxBytes)
        {
            return (null, $"Bilden är för stor ({FormatMegabytes(file.Length)}). Den får vara högst 5 MB.");
        }
        var header = new byte[12];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            header = header[..read];
        }
        var contentType = Sniff(header);
        if (contentType is null)
        {
            return (null, "Filen är inte en bild i formatet PNG, JPEG eller WebP. Välj en annan fil.");
        }

        var image = new NewsImage
        {
            Id = Guid.NewGuid(),
            ContentType = contentType,
            Length = file.Length,
            OriginalFileName = CleanFileName(file.FileName),
            CreatedAt = time.GetUtcNow(),
        };
        var path = PathOf(image.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(target, cancellationToken);
        }
        File.Move(temporary, path);
        db.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        return (image, null);
    }

    /// <summary>Removes an image that no article shows any longer (replaced, removed, or its article deleted).</summary>
    public async Task DeleteIfUnusedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<NewsArticle>().AnyAsync(a => a.ImageId == id, cancellationToken))
        {
            return;
        }
        await db.Set<NewsImage>().Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken);
        try
        {
            File.Delete(PathOf(id));
        }
        catch (IOException)
        {
            // Still open by a request serving it; the row is gone, so nothing links to the file any more.
        }
    }

    public Task<NewsImage?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<NewsImage>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The image's type from its magic bytes, or null when it is none of the accepted formats.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (header.StartsWith(png))
        {
            return "image/png";
        }
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }

    private static string CleanFileName(string? name)
    {
        var plain = Path.GetFileName(name ?? "").Trim();
        plain = new string(plain.Where(c => !char.IsControl(c)).ToArray());
        return plain.Length <= NewsImage.FileNameMaxLength ? plain : plain[..NewsImage.FileNameMaxLength];
    }

    private static string FormatMegabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.0", Platform.Time.StockholmTime.Swedish) + " MB";
}
