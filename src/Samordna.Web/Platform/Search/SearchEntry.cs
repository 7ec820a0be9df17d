using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Platform.Search;

/// <summary>
/// One searchable thing of some area (a news article, a page, a document), as that area described it to
/// <see cref="ISearchIndex"/>. Areas never read each other's tables; the search page reads only this one. The
/// full-text parts are outside EF's model, in the Search migration's SQL: on PostgreSQL a generated tsvector column
/// "SearchVector" (swedish configuration, title weighted above text) with a GIN index; on SQLite an FTS5 table
/// "SearchEntriesFts" over Title and Text, kept in step by triggers.
/// </summary>
public sealed class SearchEntry
{
    public const int AreaMaxLength = 20;
    public const int KeyMaxLength = 100;
    public const int TitleMaxLength = 300;
    public const int UrlMaxLength = 500;
    public const int TextMaxLength = 200_000;

    public long Id { get; set; }

    /// <summary>The area that owns the entry ("nyheter", "sidor", "dokument").</summary>
    public string Area { get; set; } = "";

    /// <summary>The area's own id of the thing, unique within the area.</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Plain text (no Markdown or HTML) that is searched and from which snippets are cut.</summary>
    public string Text { get; set; } = "";

    /// <summary>Site-relative address of the thing.</summary>
    public string Url { get; set; } = "";

    /// <summary>The date shown with a hit (publication, last change, upload).</summary>
    public DateTimeOffset? Date { get; set; }

    /// <summary>Not found before this instant (a scheduled news article); null: found at once.</summary>
    public DateTimeOffset? VisibleFrom { get; set; }

    public DateTimeOffset IndexedAt { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable("SearchEntries");
        builder.Property(e => e.Area).HasMaxLength(SearchEntry.AreaMaxLength);
        builder.Property(e => e.Key).HasMaxLength(SearchEntry.KeyMaxLength);
        builder.Property(e => e.Title).HasMaxLength(SearchEntry.TitleMaxLength);
        builder.Property(e => e.Url).HasMaxLength(SearchEntry.UrlMaxLength);
        builder.HasIndex(e => new { e.Area, e.Key }).IsUnique();
    }
}
