using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// A published PDF: an annual report, board minutes, a notice on the notice board (anslagstavlan) or a plan. Public
/// as soon as it is uploaded; its file lives in the data folder under <see cref="FileId"/>, which changes whenever an
/// editor replaces the file (so the file's ETag changes with it), while the document's address stays the same.
/// </summary>
public sealed class Document
{
    public const int TitleMaxLength = 200;
    public const int FileNameMaxLength = 255;
    public const int CategoryMaxLength = 30;
    public const int EditorNameMaxLength = 256;
    public const int MinYear = 1990;

    public int Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The year the document concerns (the annual report's year, the meeting's year), by which the list groups.</summary>
    public int Year { get; set; }

    public DocumentCategory Category { get; set; }

    public Guid FileId { get; set; }

    /// <summary>Bytes of the stored file.</summary>
    public long Length { get; set; }

    /// <summary>The name the file had on the editor's computer, shown to editors only.</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>When the current file was uploaded: the date the public list shows, and the file's Last-Modified.</summary>
    public DateTimeOffset FileUploadedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: incremented by every save, compared with the version the editor started from.</summary>
    public int Version { get; set; }

    public string Url => DocumentUrls.File(Id, Title);

    /// <summary>"Årsredovisning 2019.pdf": the title without characters that file systems refuse.</summary>
    public string DownloadFileName => DocumentUrls.DownloadFileName(Title);
}

/// <summary>The kinds of documents a förbund publishes. Stored by name, so the order here may change.</summary>
public enum DocumentCategory
{
    AnnualReport,
    BoardMinutes,
    NoticeBoard,
    Plan,
    Other,
}

public static class DocumentCategories
{
    /// <summary>In the order the list and the filter show them.</summary>
    public static readonly IReadOnlyList<DocumentCategory> All =
        [DocumentCategory.AnnualReport, DocumentCategory.BoardMinutes, DocumentCategory.NoticeBoard, DocumentCategory.Plan, DocumentCategory.Other];

    /// <summary>The category's name as a heading or filter ("Styrelseprotokoll").</summary>
    public static string Label(this DocumentCategory category) => category switch
    {
        DocumentCategory.AnnualReport => "Årsredovisningar",
        DocumentCategory.BoardMinutes => "Styrelseprotokoll",
        DocumentCategory.NoticeBoard => "Anslagstavla",
        DocumentCategory.Plan => "Verksamhetsplaner och budget",
        _ => "Övriga dokument",
    };

    /// <summary>The category's value in the address: /dokument?kategori=styrelseprotokoll.</summary>
    public static string Slug(this DocumentCategory category) => category switch
    {
        DocumentCategory.AnnualReport => "arsredovisningar",
        DocumentCategory.BoardMinutes => "styrelseprotokoll",
        DocumentCategory.NoticeBoard => "anslagstavla",
        DocumentCategory.Plan => "verksamhetsplaner",
        _ => "ovrigt",
    };

    public static DocumentCategory? FromSlug(string? slug) =>
        All.Select(c => (DocumentCategory?)c).FirstOrDefault(c => string.Equals(c!.Value.Slug(), slug, StringComparison.Ordinal));
}

public static class DocumentUrls
{
    public const string Root = "/dokument";
    public const string Admin = "/redaktion/dokument";
    public const string New = "/redaktion/dokument/ny";

    /// <summary>/dokument/7/arsredovisning-2019.pdf: the number finds the document, the name is for people.</summary>
    public static string File(int id, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"/dokument/{id}/{FileSlug(title)}.pdf");

    public static string FileSlug(string title) => Slugs.From(title, 80) is { Length: > 0 } slug ? slug : "dokument";

    public static string Category(DocumentCategory category) => Root + "?kategori=" + category.Slug();

    public static string Edit(int id) => string.Create(CultureInfo.InvariantCulture, $"/redaktion/dokument/{id}");

    public static string DownloadFileName(string title)
    {
        var name = new string(title.Trim().Select(c => char.IsControl(c) || "/\\:*?\"<>|".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray());
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        if (name.Length == 0)
        {
            name = "dokument";
        }
        return name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : name + ".pdf";
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Title).HasMaxLength(Document.TitleMaxLength);
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(Document.CategoryMaxLength);
        builder.Property(d => d.OriginalFileName).HasMaxLength(Document.FileNameMaxLength);
        builder.Property(d => d.UpdatedBy).HasMaxLength(Document.EditorNameMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Url);
        builder.Ignore(d => d.DownloadFileName);
        builder.HasIndex(d => d.FileId).IsUnique();
        builder.HasIndex(d => new { d.Category, d.Year });
        builder.HasIndex(d => d.Year);
    }
}
