using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>The newsletter: lists, subscribers with their consent, campaigns and one delivery row per recipient.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127131000_Newsletter")]
public sealed class Newsletter : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsletterLists",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Slug = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_NewsletterLists", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NewsletterSubscribers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ConsentVersion = table.Column<string>(maxLength: 20, nullable: false),
                ConsentAt = table.Instant(migrationBuilder),
                ConsentSource = table.Column<string>(maxLength: 40, nullable: false),
                ConsentEvidence = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                ConfirmedAt = table.Instant(migrationBuilder, nullable: true),
                UnsubscribedAt = table.Instant(migrationBuilder, nullable: true),
                BouncedAt = table.Instant(migrationBuilder, nullable: true),
                BounceReason = table.Column<string>(maxLength: 500, nullable: true),
                LastNoticeAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_NewsletterSubscribers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NewsletterSubscriptions",
            columns: table => new
            {
                SubscriberId = table.Column<Guid>(nullable: false),
                ListId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsletterSubscriptions", x => new { x.SubscriberId, x.ListId });
                table.ForeignKey("FK_NewsletterSubscriptions_NewsletterLists_ListId", x => x.ListId, "NewsletterLists", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NewsletterSubscriptions_NewsletterSubscribers_SubscriberId", x => x.SubscriberId, "NewsletterSubscribers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NewsletterCampaigns",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Preheader = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                IncludeNews = table.Column<bool>(nullable: false),
                IncludeEvents = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ScheduledAt = table.Instant(migrationBuilder, nullable: true),
                StartedAt = table.Instant(migrationBuilder, nullable: true),
                FinishedAt = table.Instant(migrationBuilder, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                UpdatedByName = table.Column<string>(maxLength: 256, nullable: false),
                BaseUrl = table.Column<string>(maxLength: 200, nullable: true),
                HtmlBody = table.Column<string>(nullable: true),
                TextBody = table.Column<string>(nullable: true),
                WebBody = table.Column<string>(nullable: true),
                RecipientCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_NewsletterCampaigns", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NewsletterCampaignLists",
            columns: table => new
            {
                CampaignId = table.Column<int>(nullable: false),
                ListId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsletterCampaignLists", x => new { x.CampaignId, x.ListId });
                table.ForeignKey("FK_NewsletterCampaignLists_NewsletterCampaigns_CampaignId", x => x.CampaignId, "NewsletterCampaigns", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NewsletterCampaignLists_NewsletterLists_ListId", x => x.ListId, "NewsletterLists", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NewsletterDeliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<int>(nullable: false),
                SubscriberId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Instant(migrationBuilder),
                LockedUntil = table.Instant(migrationBuilder, nullable: true),
                LockToken = table.Column<Guid>(nullable: true),
                SentAt = table.Instant(migrationBuilder, nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsletterDeliveries", x => x.Id);
                table.ForeignKey("FK_NewsletterDeliveries_NewsletterCampaigns_CampaignId", x => x.CampaignId, "NewsletterCampaigns", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NewsletterDeliveries_NewsletterSubscribers_SubscriberId", x => x.SubscriberId, "NewsletterSubscribers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex("IX_NewsletterLists_Slug", "NewsletterLists", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_NewsletterSubscribers_NormalizedEmail", "NewsletterSubscribers", "NormalizedEmail", unique: true);
        migrationBuilder.CreateIndex("IX_NewsletterSubscribers_Status", "NewsletterSubscribers", "Status");
        migrationBuilder.CreateIndex("IX_NewsletterSubscriptions_ListId", "NewsletterSubscriptions", "ListId");
        migrationBuilder.CreateIndex("IX_NewsletterCampaigns_Status_ScheduledAt", "NewsletterCampaigns", ["Status", "ScheduledAt"]);
        migrationBuilder.CreateIndex("IX_NewsletterCampaigns_FinishedAt", "NewsletterCampaigns", "FinishedAt");
        migrationBuilder.CreateIndex("IX_NewsletterCampaignLists_ListId", "NewsletterCampaignLists", "ListId");
        migrationBuilder.CreateIndex("IX_NewsletterDeliveries_CampaignId_SubscriberId", "NewsletterDeliveries", ["CampaignId", "SubscriberId"], unique: true);
        migrationBuilder.CreateIndex("IX_NewsletterDeliveries_CampaignId_Status_NextAttemptAt", "NewsletterDeliveries", ["CampaignId", "Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_NewsletterDeliveries_SubscriberId", "NewsletterDeliveries", "SubscriberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NewsletterDeliveries");
        migrationBuilder.DropTable("NewsletterCampaignLists");
        migrationBuilder.DropTable("NewsletterSubscriptions");
        migrationBuilder.DropTable("NewsletterCampaigns");
        migrationBuilder.DropTable("NewsletterSubscribers");
        migrationBuilder.DropTable("NewsletterLists");
    }
}
