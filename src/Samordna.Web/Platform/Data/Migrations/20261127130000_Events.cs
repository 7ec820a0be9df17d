using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>The calendar: events, registrations (with the waiting list) and topic suggestions.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127130000_Events")]
public sealed class Events : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Events",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Uid = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(nullable: false),
                StartsAt = table.Instant(migrationBuilder),
                EndsAt = table.Instant(migrationBuilder),
                IsOnline = table.Column<bool>(nullable: false),
                JoinUrl = table.Column<string>(maxLength: 500, nullable: true),
                Location = table.Column<string>(maxLength: 300, nullable: true),
                Organiser = table.Column<string>(maxLength: 200, nullable: false),
                ContactName = table.Column<string>(maxLength: 200, nullable: false),
                ContactEmail = table.Column<string>(maxLength: 320, nullable: false),
                ContactPhone = table.Column<string>(maxLength: 50, nullable: true),
                Audience = table.Column<string>(maxLength: 32, nullable: false),
                InviteCode = table.Column<string>(maxLength: 40, nullable: true),
                Capacity = table.Column<int>(nullable: true),
                RegistrationOpensAt = table.Instant(migrationBuilder, nullable: true),
                RegistrationClosesAt = table.Instant(migrationBuilder, nullable: true),
                RegistrationEnabled = table.Column<bool>(nullable: false),
                State = table.Column<string>(maxLength: 32, nullable: false),
                NewDateToBeAnnounced = table.Column<bool>(nullable: false),
                OriginalStartsAt = table.Instant(migrationBuilder, nullable: true),
                Notice = table.Column<string>(maxLength: 2000, nullable: true),
                Sequence = table.Column<int>(nullable: false),
                SeatChanges = table.Column<int>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                UpdatedByName = table.Column<string>(maxLength: 256, nullable: false),
                AnonymisedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Events", x => x.Id));

        migrationBuilder.CreateTable(
            name: "EventRegistrations",
            columns: table => new
            {
                Id = table.IdentityInt(),
                EventId = table.Column<int>(nullable: false),
                Token = table.Column<string>(maxLength: 64, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 320, nullable: true),
                Organisation = table.Column<string>(maxLength: 200, nullable: false),
                Phone = table.Column<string>(maxLength: 50, nullable: true),
                Needs = table.Column<string>(maxLength: 1000, nullable: true),
                ConsentedAt = table.Instant(migrationBuilder),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                SubmissionId = table.Column<Guid>(nullable: false),
                QueuedAt = table.Instant(migrationBuilder),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                ConfirmedAt = table.Instant(migrationBuilder, nullable: true),
                CancelledAt = table.Instant(migrationBuilder, nullable: true),
                RemindedForStart = table.Instant(migrationBuilder, nullable: true),
                Attended = table.Column<bool>(nullable: true),
                AnonymisedAt = table.Instant(migrationBuilder, nullable: true),
                Sequence = table.Column<int>(nullable: false),
                BaseUrl = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                table.ForeignKey("FK_EventRegistrations_Events_EventId", x => x.EventId, "Events", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EventTopicSuggestions",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Topic = table.Column<string>(maxLength: 200, nullable: false),
                Details = table.Column<string>(maxLength: 2000, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 320, nullable: true),
                Organisation = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                HandledAt = table.Instant(migrationBuilder, nullable: true),
                HandledByName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_EventTopicSuggestions", x => x.Id));

        migrationBuilder.CreateIndex("IX_Events_Slug", "Events", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Events_Uid", "Events", "Uid", unique: true);
        migrationBuilder.CreateIndex("IX_Events_StartsAt", "Events", "StartsAt");
        migrationBuilder.CreateIndex("IX_EventRegistrations_Token", "EventRegistrations", "Token", unique: true);
        migrationBuilder.CreateIndex("IX_EventRegistrations_EventId_NormalizedEmail", "EventRegistrations", ["EventId", "NormalizedEmail"], unique: true);
        migrationBuilder.CreateIndex("IX_EventRegistrations_EventId_Status_QueuedAt", "EventRegistrations", ["EventId", "Status", "QueuedAt"]);
        migrationBuilder.CreateIndex("IX_EventTopicSuggestions_CreatedAt", "EventTopicSuggestions", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EventRegistrations");
        migrationBuilder.DropTable("EventTopicSuggestions");
        migrationBuilder.DropTable("Events");
    }
}
