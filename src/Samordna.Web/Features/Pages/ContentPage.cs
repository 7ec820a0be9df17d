using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Features.Pages;

/// <summary>
/// An editable page of the public website: the five required ones (about, contact, accessibility, privacy, cookies)
/// at their own addresses, and any further page an editor creates, at /sida/{slug}. Every save also writes a
/// <see cref="ContentPageRevision"/>, so earlier versions can be read and restored.
/// </summary>
public sealed class ContentPage
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 300;
    public const int BodyMaxLength = 100_000;
    public const int NameMaxLength = 256;

    public int Id { get; set; }

    /// <summary>The address segment, fixed at creation so links to the page keep working when the title changes.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>A sentence or two for search engines and link previews (the meta description).</summary>
    public string Description { get; set; } = "";

    /// <summary>Markdown, rendered through <see cref="Platform.Web.MarkdownRenderer"/> (raw HTML disabled).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }

    /// <summary>The editor's name as it was when they saved; kept even if the account is removed later.</summary>
    public string UpdatedByName { get; set; } = "";

    /// <summary>Starts at 1 and grows by one with each save; the optimistic concurrency token.</summary>
    public int Version { get; set; }

    public List<ContentPageRevision> Revisions { get; set; } = [];

    public bool IsRequired => RequiredPages.IsRequired(Slug);

    /// <summary>The public address of the page.</summary>
    public string Path => RequiredPages.PathOf(Slug);
}

/// <summary>A saved version of a page, written on every save (the first one by the default content seeder).</summary>
public sealed class ContentPageRevision
{
    public const int NoteMaxLength = 200;

    public int Id { get; set; }

    public int PageId { get; set; }

    public ContentPage? Page { get; set; }

    /// <summary>The page's <see cref="ContentPage.Version"/> that this revision holds.</summary>
    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public Guid? SavedById { get; set; }

    public string SavedByName { get; set; } = "";

    /// <summary>Why this version exists when it is not an ordinary save, e.g. "Återställd från version 3".</summary>
    public string? Note { get; set; }
}

internal sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> builder)
    {
        builder.ToTable("ContentPages");
        builder.Property(p => p.Slug).HasMaxLength(ContentPage.SlugMaxLength);
        builder.Property(p => p.Title).HasMaxLength(ContentPage.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(ContentPage.DescriptionMaxLength);
        // Body is unbounded in the database (text); its limit is checked where it is edited.
        builder.Property(p => p.UpdatedByName).HasMaxLength(ContentPage.NameMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Ignore(p => p.IsRequired);
        builder.Ignore(p => p.Path);
        builder.HasMany(p => p.Revisions).WithOne(r => r.Page).HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentPageRevisionConfiguration : IEntityTypeConfiguration<ContentPageRevision>
{
    public void Configure(EntityTypeBuilder<ContentPageRevision> builder)
    {
        builder.ToTable("ContentPageRevisions");
        builder.Property(r => r.Title).HasMaxLength(ContentPage.TitleMaxLength);
        builder.Property(r => r.Description).HasMaxLength(ContentPage.DescriptionMaxLength);
        builder.Property(r => r.SavedByName).HasMaxLength(ContentPage.NameMaxLength);
        builder.Property(r => r.Note).HasMaxLength(ContentPageRevision.NoteMaxLength);
        // Also the guard of last resort against two saves writing the same version.
        builder.HasIndex(r => new { r.PageId, r.Version }).IsUnique();
    }
}
