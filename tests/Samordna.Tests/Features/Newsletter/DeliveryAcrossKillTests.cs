using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samordna.Tests.Platform.Email;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Platform.Data;

namespace Samordna.Tests.Features.Newsletter;

/// <summary>
/// Exactly-once delivery, proven with a real kill: the built application runs as a child process with the File
/// transport, is killed with SIGKILL in the middle of a campaign, started again on the same data, and every
/// recipient ends up with exactly one message.
/// </summary>
public sealed class DeliveryAcrossKillTests : IAsyncLifetime
{
    private const int Recipients = 400;

    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES");

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "samordna-tests", "kill-" + Guid.NewGuid().ToString("N"));
    private readonly string postgresDatabase = "samordna_kill_" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool UsesPostgres => !string.IsNullOrEmpty(PostgresServer);

    private string ConnectionString => UsesPostgres
        ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresDatabase, Pooling = false }.ConnectionString
        : new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "samordna.db"), Pooling = false }.ToString();

    private string MailDirectory => Path.Combine(dataDirectory, "mail");

    private Dictionary<string, string> Settings() => new()
    {
        ["Samordna:DataDirectory"] = dataDirectory,
        ["Database:Provider"] = UsesPostgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings:Samordna"] = UsesPostgres ? ConnectionString : "",
        ["Email:Transport"] = "File",
        ["Email:From"] = "nyhetsbrev@samordna.example.se",
        ["Newsletter:PublicBaseUrl"] = "https://samordna.example.se",
        // Slow enough to kill in the middle, fast enough for a test; short lease so the restart resumes soon.
        ["Newsletter:MessagesPerSecond"] = "100",
        ["Newsletter:LeaseSeconds"] = "3",
        ["Newsletter:PollSeconds"] = "1",
    };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        if (UsesPostgres)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private AppDbContext Db()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (UsesPostgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
        return new AppDbContext(options.Options);
    }

    [Fact]
    public async Task Every_recipient_gets_exactly_one_copy_when_the_process_is_killed_mid_campaign_and_restarted()
    {
        var first = await AppProcess.StartAsync(Settings(), Ct);
        int campaignId;
        await using (var db = Db())
        {
            // The running application has migrated and seeded the lists; add the subscribers and press "Skicka nu".
            var list = await db.Set<NewsletterList>().SingleAsync(l => l.Slug == "nyhetsbrev", Ct);
            for (var i = 0; i < Recipients; i++)
            {
                var id = Guid.NewGuid();
                db.Add(new Subscriber
                {
                    Id = id,
                    Email = $"mottagare{i:D4}@example.se",
                    NormalizedEmail = $"mottagare{i:D4}@example.se",
                    Status = SubscriberStatus.Confirmed,
                    ConsentVersion = NewsletterConsent.Version,
                    ConsentSource = NewsletterConsent.Import,
                    ConsentEvidence = "Testdata",
                    ConsentAt = DateTimeOffset.UnixEpoch,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                    Subscriptions = [new Subscription { SubscriberId = id, ListId = list.Id }],
                });
            }
            var campaign = new Campaign
            {
                Subject = "Nyhetsbrev som överlever en krasch",
                Body = "Hej!\n\nDet här utskicket ska komma fram exakt en gång.",
                Status = CampaignStatus.Scheduled,
                ScheduledAt = DateTimeOffset.UnixEpoch,
                UpdatedByName = "test",
                CreatedAt = DateTimeOffset.UnixEpoch,
                UpdatedAt = DateTimeOffset.UnixEpoch,
                Lists = [new CampaignList { ListId = list.Id }],
            };
            db.Add(campaign);
            await db.SaveChangesAsync(Ct);
            campaignId = campaign.Id;
        }

        // Kill it with SIGKILL once part of the campaign is out.
        var waited = Stopwatch.StartNew();
        while (MailFiles().Length < Recipients / 5)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The campaign did not start:\n" + first.Output);
            await Task.Delay(20, Ct);
        }
        await first.KillAsync();
        var atKill = MailFiles().Length;
        Dictionary<DeliveryStatus, int> statesAtKill;
        await using (var db = Db())
        {
            statesAtKill = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaignId)
                .GroupBy(d => d.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
        }
        Assert.True(atKill < Recipients, $"The kill came too late: {atKill} of {Recipients} were already out.");
        Assert.Equal(Recipients, statesAtKill.Values.Sum());
        Assert.True(statesAtKill.GetValueOrDefault(DeliveryStatus.Sending) + statesAtKill.GetValueOrDefault(DeliveryStatus.Pending) > 0);

        // Start again on the same data and let it finish.
        await using (var second = await AppProcess.StartAsync(Settings(), Ct))
        {
            waited.Restart();
            while (true)
            {
                await using var db = Db();
                var status = await db.Set<Campaign>().Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync(Ct);
                if (status == CampaignStatus.Sent)
                {
                    break;
                }
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "The restarted application did not finish the campaign:\n" + second.Output);
                await Task.Delay(200, Ct);
            }
        }

        var perRecipient = MailFiles()
            .Select(path => EmlFile.Parse(File.ReadAllBytes(path)))
            .Where(eml => eml.Header("Subject") == "Nyhetsbrev som överlever en krasch")
            .GroupBy(eml => eml.Header("To")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Recipients, perRecipient.Count);
        Assert.All(perRecipient, pair => Assert.True(pair.Value == 1, $"{pair.Key} got {pair.Value} copies."));
        await using (var db = Db())
        {
            var states = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaignId)
                .GroupBy(d => d.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
            Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = Recipients }, states);
        }
    }

    private string[] MailFiles() => Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml") : [];

    public async ValueTask DisposeAsync()
    {
        if (UsesPostgres)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
