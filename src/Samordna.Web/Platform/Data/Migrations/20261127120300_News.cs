using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>News articles, their tags, earlier slugs (for redirects) and uploaded images.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127120300_News")]
public sealed class News : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsImages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContentType = table.Column<string>(maxLength: 50, nullable: false),
                Length = table.Column<long>(nullable: false),
                OriginalFileName = table.Column<string>(maxLength: 255, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_NewsImages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NewsArticles",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Ingress = table.Column<string>(maxLength: 500, nullable: false),
                Body = table.Column<string>(nullable: false),
                PublishedAt = table.Instant(migrationBuilder, nullable: true),
                PublishedYear = table.Column<int>(nullable: true),
                PublishedMonth = table.Column<int>(nullable: true),
                FirstPublishedAt = table.Instant(migrationBuilder, nullable: true),
                ImageId = table.Column<Guid>(nullable: true),
                ImageAlt = table.Column<string>(maxLength: 250, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsArticles", x => x.Id);
                table.ForeignKey("FK_NewsArticles_NewsImages_ImageId", x => x.ImageId, "NewsImages", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "NewsArticleTags",
            columns: table => new
            {
                ArticleId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 40, nullable: false),
                Slug = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsArticleTags", x => new { x.ArticleId, x.Name });
                table.ForeignKey("FK_NewsArticleTags_NewsArticles_ArticleId", x => x.ArticleId, "NewsArticles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NewsSlugRedirects",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                ArticleId = table.Column<int>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsSlugRedirects", x => x.Id);
                table.ForeignKey("FK_NewsSlugRedirects_NewsArticles_ArticleId", x => x.ArticleId, "NewsArticles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_NewsArticles_ImageId", "NewsArticles", "ImageId");
        migrationBuilder.CreateIndex("IX_NewsArticles_PublishedAt", "NewsArticles", "PublishedAt");
        migrationBuilder.CreateIndex("IX_NewsArticles_PublishedYear_PublishedMonth", "NewsArticles", ["PublishedYear", "PublishedMonth"]);
        migrationBuilder.CreateIndex("IX_NewsArticles_Slug", "NewsArticles", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_NewsArticleTags_Slug", "NewsArticleTags", "Slug");
        migrationBuilder.CreateIndex("IX_NewsSlugRedirects_ArticleId", "NewsSlugRedirects", "ArticleId");
        migrationBuilder.CreateIndex("IX_NewsSlugRedirects_Slug", "NewsSlugRedirects", "Slug", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NewsSlugRedirects");
        migrationBuilder.DropTable("NewsArticleTags");
        migrationBuilder.DropTable("NewsArticles");
        migrationBuilder.DropTable("NewsImages");
    }
}
