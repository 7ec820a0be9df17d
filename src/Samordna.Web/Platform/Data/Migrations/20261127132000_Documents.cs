using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Platform.Data.Migrations;

/// <summary>Published documents (PDFs); the files themselves live in the data folder.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261127132000_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                Id = table.IdentityInt(),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Year = table.Column<int>(nullable: false),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                Length = table.Column<long>(nullable: false),
                OriginalFileName = table.Column<string>(maxLength: 255, nullable: false),
                FileUploadedAt = table.Instant(migrationBuilder),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Documents", x => x.Id));

        migrationBuilder.CreateIndex("IX_Documents_Category_Year", "Documents", ["Category", "Year"]);
        migrationBuilder.CreateIndex("IX_Documents_FileId", "Documents", "FileId", unique: true);
        migrationBuilder.CreateIndex("IX_Documents_Year", "Documents", "Year");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Documents");
}
