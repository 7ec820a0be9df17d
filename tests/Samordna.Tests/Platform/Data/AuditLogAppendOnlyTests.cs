using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;

namespace Samordna.Tests.Platform.Data;

/// <summary>The audit log must be append-only in the database itself, not just in the application code.</summary>
public sealed class AuditLogAppendOnlyTests
{
    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "Details" = 'Ändrad i efterhand'""")]
    [InlineData("""UPDATE "AuditEntries" SET "ActorName" = 'någon annan' WHERE "Action" = 'signin.succeeded'""")]
    [InlineData("""DELETE FROM "AuditEntries" """)]
    [InlineData("""DELETE FROM "AuditEntries" WHERE "Action" = 'signin.succeeded'""")]
    public async Task Raw_sql_cannot_change_or_remove_an_audit_entry(string sql)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await ScratchDatabase.CreateAsync("audit", cancellationToken);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        db.Add(new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            ActorName = "tina.claesson@demo.samordna.se",
            Action = AuditActions.SignIn,
            Details = "Original",
        });
        await db.SaveChangesAsync(cancellationToken);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql, cancellationToken));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var entry = Assert.Single(await db.Set<AuditEntry>().AsNoTracking().ToListAsync(cancellationToken));
        Assert.Equal("Original", entry.Details);
        Assert.Equal("tina.claesson@demo.samordna.se", entry.ActorName);
    }

    [Fact]
    public async Task New_entries_can_still_be_appended()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await ScratchDatabase.CreateAsync("audit", cancellationToken);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(cancellationToken);

        for (var i = 0; i < 3; i++)
        {
            db.Add(new AuditEntry { At = new DateTimeOffset(2026, 11, 24, 9, i, 0, TimeSpan.Zero), ActorName = "anonym", Action = AuditActions.SignInFailed });
            await db.SaveChangesAsync(cancellationToken);
        }

        Assert.Equal(3, await db.Set<AuditEntry>().CountAsync(cancellationToken));
    }
}
