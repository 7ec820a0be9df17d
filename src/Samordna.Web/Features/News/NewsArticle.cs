using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.News;

/// <summary>
/// A news article. It is a draft while <see cref="PublishedAt"/> is empty, scheduled while that instant lies ahead,
/// and public from that instant on. Its address is /nyheter/{year}/{month}/{slug}, the year and month being those
/// of the publication in Stockholm; a slug is unique across all articles and all earlier slugs.
/// </summary>
public sealed class NewsArticle
{
    public const int TitleMaxLength = 200;
    public const int IngressMaxLength = 500;
    public const int BodyMaxLength = 50_000;
    public const int SlugMaxLength = 100;
    public const int ImageAltMaxLength = 250;
    public const int EditorNameMaxLength = 256;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>The introduction: shown in lists, feeds and when the article is shared.</summary>
    public string Ingress { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The Stockholm year and month of <see cref="PublishedAt"/>, stored so the archive can group by them.</summary>
    public int? PublishedYear { get; set; }

    public int? PublishedMonth { get; set; }

    /// <summary>When the article first became (or becomes) public; an address that has been public keeps redirecting.</summary>
    public DateTimeOffset? FirstPublishedAt { get; set; }

    public Guid? ImageId { get; set; }
    public NewsImage? Image { get; set; }
    public string? ImageAlt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: incremented by every save, compared with the version the editor started from.</summary>
    public int Version { get; set; }

    public List<NewsArticleTag> Tags { get; set; } = [];

    public bool IsPublicAt(DateTimeOffset now) => PublishedAt is { } at && at <= now;

    public NewsStatus StatusAt(DateTimeOffset now) =>
        PublishedAt is null ? NewsStatus.Draft : PublishedAt > now ? NewsStatus.Scheduled : NewsStatus.Published;

    /// <summary>Sets or clears the publication instant, keeping the archive's year and month in step.</summary>
    public void SetPublishedAt(DateTimeOffset? instant, DateTimeOffset now)
    {
        PublishedAt = instant;
        if (instant is { } at)
        {
            var local = at.ToStockholm();
            PublishedYear = local.Year;
            PublishedMonth = local.Month;
            if (FirstPublishedAt is null || FirstPublishedAt > now)
            {
                FirstPublishedAt = at;
            }
        }
        else
        {
            PublishedYear = null;
            PublishedMonth = null;
            if (FirstPublishedAt > now)
            {
                FirstPublishedAt = null; // Scheduled but never shown: nothing public to keep.
            }
        }
    }

    /// <summary>Whether the article has ever been public, so that its earlier addresses may be in use out there.</summary>
    public bool HasBeenPublicAt(DateTimeOffset now) => FirstPublishedAt is { } first && first <= now;

    public string? Url => PublishedYear is { } year && PublishedMonth is { } month ? NewsUrls.Article(year, month, Slug) : null;
}

public enum NewsStatus
{
    Draft,
    Scheduled,
    Published,
}

public sealed class NewsArticleTag
{
    public const int NameMaxLength = 40;

    public int ArticleId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The tag's address segment, /nyheter/amne/{slug}: "Digitalt drop in" → "digitalt-drop-in".</summary>
    public string Slug { get; set; } = "";
}

/// <summary>An earlier slug of an article: its old address answers with a permanent redirect to the current one.</summary>
public sealed class NewsSlugRedirect
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int ArticleId { get; set; }
    public NewsArticle? Article { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An uploaded image (PNG, JPEG or WebP, recognised by its content). The bytes live in the data folder.</summary>
public sealed class NewsImage
{
    public const int ContentTypeMaxLength = 50;
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }

    /// <summary>The name the file had on the editor's computer, shown to editors only.</summary>
    public string OriginalFileName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class NewsUrls
{
    public const string Root = "/nyheter";
    public const string Feed = "/nyheter/feed";
    public const string Admin = "/redaktion/nyheter";

    public static string Article(int year, int month, string slug) =>
        string.Create(CultureInfo.InvariantCulture, $"/nyheter/{year:D4}/{month:D2}/{slug}");

    public static string Period(int year, int? month = null) => month is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"/nyheter/{year:D4}/{m:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"/nyheter/{year:D4}");

    public static string Tag(string slug) => "/nyheter/amne/" + slug;

    public static string Image(Guid id) => "/nyheter/bild/" + id.ToString("N");

    public static string Edit(int id) => string.Create(CultureInfo.InvariantCulture, $"/redaktion/nyheter/{id}");
}

internal sealed class NewsArticleConfiguration : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> builder)
    {
        builder.ToTable("NewsArticles");
        builder.Property(a => a.Title).HasMaxLength(NewsArticle.TitleMaxLength);
        builder.Property(a => a.Slug).HasMaxLength(NewsArticle.SlugMaxLength);
        builder.Property(a => a.Ingress).HasMaxLength(NewsArticle.IngressMaxLength);
        builder.Property(a => a.ImageAlt).HasMaxLength(NewsArticle.ImageAltMaxLength);
        builder.Property(a => a.UpdatedBy).HasMaxLength(NewsArticle.EditorNameMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Url);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.PublishedAt);
        builder.HasIndex(a => new { a.PublishedYear, a.PublishedMonth });
        builder.HasOne(a => a.Image).WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsArticleTagConfiguration : IEntityTypeConfiguration<NewsArticleTag>
{
    public void Configure(EntityTypeBuilder<NewsArticleTag> builder)
    {
        builder.ToTable("NewsArticleTags");
        builder.HasKey(t => new { t.ArticleId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(NewsArticleTag.NameMaxLength);
        builder.Property(t => t.Slug).HasMaxLength(NewsArticleTag.NameMaxLength);
        builder.HasIndex(t => t.Slug);
    }
}

internal sealed class NewsSlugRedirectConfiguration : IEntityTypeConfiguration<NewsSlugRedirect>
{
    public void Configure(EntityTypeBuilder<NewsSlugRedirect> builder)
    {
        builder.ToTable("NewsSlugRedirects");
        builder.Property(r => r.Slug).HasMaxLength(NewsArticle.SlugMaxLength);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsImageConfiguration : IEntityTypeConfiguration<NewsImage>
{
    public void Configure(EntityTypeBuilder<NewsImage> builder)
    {
        builder.ToTable("NewsImages");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentType).HasMaxLength(NewsImage.ContentTypeMaxLength);
        builder.Property(i => i.OriginalFileName).HasMaxLength(NewsImage.FileNameMaxLength);
    }
}
