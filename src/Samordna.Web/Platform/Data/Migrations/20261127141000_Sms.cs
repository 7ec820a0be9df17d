using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>The SMS outbox: messages written with the change that causes them, sent by a background dispatcher.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127141000_Sms")]
public sealed class Sms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxSms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                To = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 1600, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Instant(migrationBuilder),
                LockedUntil = table.Instant(migrationBuilder, nullable: true),
                LockToken = table.Column<Guid>(nullable: true),
                SentAt = table.Instant(migrationBuilder, nullable: true),
                ProviderMessageId = table.Column<string>(maxLength: 100, nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxSms", x => x.Id));

        migrationBuilder.CreateIndex("IX_OutboxSms_IdempotencyKey", "OutboxSms", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxSms_Status_NextAttemptAt", "OutboxSms", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_OutboxSms_CreatedAt", "OutboxSms", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("OutboxSms");
}
