using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>The digital drop-in: spaces, members, groups, channels, opening hours, messages, read markers and invites.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127140000_DropIn")]
public sealed class DropIn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DropInSpaces",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                HouseRules = table.Column<string>(maxLength: 10000, nullable: false),
                MinAge = table.Column<int>(nullable: false),
                MaxAge = table.Column<int>(nullable: false),
                PhysicalDropIn = table.Column<string>(maxLength: 2000, nullable: true),
                PhysicalAddress = table.Column<string>(maxLength: 200, nullable: true),
                ClosedOnPublicHolidays = table.Column<bool>(nullable: false),
                Override = table.Column<string>(maxLength: 16, nullable: false),
                OverrideUntil = table.Instant(migrationBuilder, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DropInSpaces", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DropInMembers",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 30, nullable: false),
                NormalizedDisplayName = table.Column<string>(maxLength: 30, nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
                BirthYear = table.Column<int>(nullable: true),
                JoinedAt = table.Instant(migrationBuilder),
                RulesAcceptedAt = table.Instant(migrationBuilder, nullable: true),
                RemovedAt = table.Instant(migrationBuilder, nullable: true),
                MutedUntil = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInMembers", x => x.Id);
                table.ForeignKey("FK_DropInMembers_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DropInMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInGroups",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInGroups", x => x.Id);
                table.ForeignKey("FK_DropInGroups_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInGroupMembers",
            columns: table => new
            {
                GroupId = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInGroupMembers", x => new { x.GroupId, x.MemberId });
                table.ForeignKey("FK_DropInGroupMembers_DropInGroups_GroupId", x => x.GroupId, "DropInGroups", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DropInGroupMembers_DropInMembers_MemberId", x => x.MemberId, "DropInMembers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInChannels",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                Slug = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
                Topic = table.Column<string>(maxLength: 300, nullable: false),
                Access = table.Column<string>(maxLength: 16, nullable: false),
                GroupId = table.Column<int>(nullable: true),
                OwnerMemberId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                ArchivedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInChannels", x => x.Id);
                table.ForeignKey("FK_DropInChannels_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DropInChannels_DropInGroups_GroupId", x => x.GroupId, "DropInGroups", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_DropInChannels_DropInMembers_OwnerMemberId", x => x.OwnerMemberId, "DropInMembers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInOpeningHours",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                Day = table.Column<int>(nullable: false),
                Opens = table.Column<TimeOnly>(nullable: false),
                Closes = table.Column<TimeOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInOpeningHours", x => x.Id);
                table.ForeignKey("FK_DropInOpeningHours_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInSpecialDays",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Closed = table.Column<bool>(nullable: false),
                Opens = table.Column<TimeOnly>(nullable: true),
                Closes = table.Column<TimeOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInSpecialDays", x => x.Id);
                table.ForeignKey("FK_DropInSpecialDays_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInMessages",
            columns: table => new
            {
                Id = table.IdentityLong(),
                ChannelId = table.Column<int>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                AuthorId = table.Column<int>(nullable: false),
                ClientMessageId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                SentAt = table.Instant(migrationBuilder),
                EditedAt = table.Instant(migrationBuilder, nullable: true),
                DeletedAt = table.Instant(migrationBuilder, nullable: true),
                DeletedById = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInMessages", x => x.Id);
                table.ForeignKey("FK_DropInMessages_DropInChannels_ChannelId", x => x.ChannelId, "DropInChannels", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DropInMessages_DropInMembers_AuthorId", x => x.AuthorId, "DropInMembers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DropInReadStates",
            columns: table => new
            {
                MemberId = table.Column<int>(nullable: false),
                ChannelId = table.Column<int>(nullable: false),
                LastReadSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInReadStates", x => new { x.MemberId, x.ChannelId });
                table.ForeignKey("FK_DropInReadStates_DropInMembers_MemberId", x => x.MemberId, "DropInMembers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DropInReadStates_DropInChannels_ChannelId", x => x.ChannelId, "DropInChannels", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DropInInvites",
            columns: table => new
            {
                Id = table.IdentityInt(),
                SpaceId = table.Column<int>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Delivery = table.Column<string>(maxLength: 16, nullable: false),
                Recipient = table.Column<string>(maxLength: 320, nullable: true),
                RecipientHint = table.Column<string>(maxLength: 320, nullable: false),
                Message = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                ExpiresAt = table.Instant(migrationBuilder),
                UsedAt = table.Instant(migrationBuilder, nullable: true),
                UsedByMemberId = table.Column<int>(nullable: true),
                RevokedAt = table.Instant(migrationBuilder, nullable: true),
                RevokedByName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DropInInvites", x => x.Id);
                table.ForeignKey("FK_DropInInvites_DropInSpaces_SpaceId", x => x.SpaceId, "DropInSpaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_DropInSpaces_Slug", "DropInSpaces", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_DropInMembers_SpaceId_NormalizedDisplayName", "DropInMembers", ["SpaceId", "NormalizedDisplayName"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInMembers_SpaceId_UserId", "DropInMembers", ["SpaceId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInMembers_UserId", "DropInMembers", "UserId");
        migrationBuilder.CreateIndex("IX_DropInGroups_SpaceId_Name", "DropInGroups", ["SpaceId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInGroupMembers_MemberId", "DropInGroupMembers", "MemberId");
        migrationBuilder.CreateIndex("IX_DropInChannels_SpaceId_Slug", "DropInChannels", ["SpaceId", "Slug"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInChannels_GroupId", "DropInChannels", "GroupId");
        migrationBuilder.CreateIndex("IX_DropInChannels_OwnerMemberId", "DropInChannels", "OwnerMemberId");
        migrationBuilder.CreateIndex("IX_DropInOpeningHours_SpaceId_Day", "DropInOpeningHours", ["SpaceId", "Day"]);
        migrationBuilder.CreateIndex("IX_DropInSpecialDays_SpaceId_Date", "DropInSpecialDays", ["SpaceId", "Date"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInMessages_ChannelId_Sequence", "DropInMessages", ["ChannelId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInMessages_AuthorId_ClientMessageId", "DropInMessages", ["AuthorId", "ClientMessageId"], unique: true);
        migrationBuilder.CreateIndex("IX_DropInReadStates_ChannelId", "DropInReadStates", "ChannelId");
        migrationBuilder.CreateIndex("IX_DropInInvites_TokenHash", "DropInInvites", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_DropInInvites_SpaceId_CreatedAt", "DropInInvites", ["SpaceId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DropInInvites");
        migrationBuilder.DropTable("DropInReadStates");
        migrationBuilder.DropTable("DropInMessages");
        migrationBuilder.DropTable("DropInSpecialDays");
        migrationBuilder.DropTable("DropInOpeningHours");
        migrationBuilder.DropTable("DropInChannels");
        migrationBuilder.DropTable("DropInGroupMembers");
        migrationBuilder.DropTable("DropInGroups");
        migrationBuilder.DropTable("DropInMembers");
        migrationBuilder.DropTable("DropInSpaces");
    }
}
