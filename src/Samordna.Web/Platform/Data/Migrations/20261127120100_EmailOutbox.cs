using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>The e-mail outbox (Platform/Email).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127120100_EmailOutbox")]
public sealed class EmailOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxEmails",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                To = table.Column<string>(maxLength: 320, nullable: false),
                Subject = table.Column<string>(maxLength: 500, nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                TextBody = table.Column<string>(nullable: false),
                HeadersJson = table.Column<string>(nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Instant(migrationBuilder),
                LockedUntil = table.Instant(migrationBuilder, nullable: true),
                LockToken = table.Column<Guid>(nullable: true),
                SentAt = table.Instant(migrationBuilder, nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxEmails", x => x.Id));

        migrationBuilder.CreateIndex("IX_OutboxEmails_IdempotencyKey", "OutboxEmails", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxEmails_Status_NextAttemptAt", "OutboxEmails", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_OutboxEmails_CreatedAt", "OutboxEmails", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("OutboxEmails");
}
