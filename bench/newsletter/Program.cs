using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

// The newsletter benchmark: a 10,000-recipient campaign sent by the real application (a child process with
// Email:Transport=Smtp) into postfix's smtp-sink on loopback, at 1, 4 and 16 connections, with the send-rate
// limit off. In the same run, two baselines on the same sink: the bare pipelined SMTP client (no database), and
// System.Net.Mail's SmtpClient on one connection.
//
//   dotnet run -c Release -- --smtp-port 2525 --web-dll ../../src/Samordna.Web/bin/Release/net10.0/Samordna.Web.dll
//       [--recipients 10000] [--connections 1,4,16] [--postgres "Host=...;Username=..."]
var arguments = Args.Parse(args);
var culture = CultureInfo.InvariantCulture;
var recipients = arguments.Int("recipients", 10_000);
var connections = arguments.Get("connections", "1,4,16").Split(',').Select(c => int.Parse(c, culture)).ToList();
var smtpPort = arguments.Int("smtp-port", 2525);
var webDll = Path.GetFullPath(arguments.Get("web-dll", ""));
var postgres = arguments.Get("postgres", "");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"--web-dll {webDll} does not exist; build src/Samordna.Web first.");
    return 2;
}

var results = new List<string>();
void Report(string line)
{
    Console.WriteLine(line);
    results.Add(line);
}

Report("| what | connections | messages | seconds | mails/s | vs bare client |");
Report("|---|---:|---:|---:|---:|---:|");
var bare = new Dictionary<int, double>();

// Baseline 1: System.Net.Mail, one connection (what the platform's transactional SmtpEmailTransport uses).
{
    const int count = 200;
    using var client = new SmtpClient("127.0.0.1", smtpPort) { EnableSsl = false, DeliveryMethod = SmtpDeliveryMethod.Network };
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        using var message = new MailMessage("nyhetsbrev@samordna.example.se", $"mottagare{i}@example.se", "Nyhetsbrev november", Body.Text);
        await client.SendMailAsync(message);
    }
    Report(Row("baseline: System.Net.Mail SmtpClient", 1, count, clock.Elapsed, null));
}

// Baseline 2: the pipelined client alone, no database (after a short unmeasured warm-up for the JIT).
foreach (var wanted in connections.Prepend(0))
{
    var warmUp = wanted == 0;
    var count = warmUp ? 500 : recipients;
    var n = warmUp ? 1 : wanted;
    var options = Options.Create(new EmailOptions
    {
        Transport = EmailOptions.SmtpTransport,
        From = "nyhetsbrev@samordna.example.se",
        FromName = "Samordningsförbundet",
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = smtpPort, EnableSsl = false, TimeoutSeconds = 30 },
    });
    await using var transport = new PipelinedSmtpTransport(options);
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = n }, async (i, ct) =>
        await transport.SendAsync(new OutgoingEmail(Guid.CreateVersion7(), $"<{i}@bench>", DateTimeOffset.UnixEpoch, $"mottagare{i}@example.se",
            "Nyhetsbrev november", Body.Html, Body.Text, new Dictionary<string, string>()), ct));
    if (warmUp)
    {
        continue;
    }
    bare[n] = recipients / clock.Elapsed.TotalSeconds;
    Report(Row("baseline: pipelined SMTP client, no database", n, recipients, clock.Elapsed, null));
}

// The real thing: the application sends a campaign to `recipients` confirmed subscribers.
foreach (var n in connections)
{
    var run = await Campaign.RunAsync(webDll, smtpPort, recipients, n, postgres);
    Report(Row($"campaign through the app ({(postgres.Length > 0 ? "PostgreSQL" : "SQLite")}), start to last mail", n, recipients, run.Total, bare.GetValueOrDefault(n)));
}
return 0;

static string Row(string what, int connections, int messages, TimeSpan elapsed, double? baseline)
{
    var rate = messages / elapsed.TotalSeconds;
    var ratio = baseline is > 0 ? string.Create(CultureInfo.InvariantCulture, $"{rate / baseline.Value:F2}") : "";
    return string.Create(CultureInfo.InvariantCulture, $"| {what} | {connections} | {messages} | {elapsed.TotalSeconds:F2} | {rate:F0} | {ratio} |");
}

internal static class Body
{
    public static readonly string Text = string.Join("\n\n", Enumerable.Repeat(
        "Under hösten inleder förbundet ett samarbete med MUCF om unga som varken arbetar eller studerar (UVAS). Arbetet börjar med tre workshoppar för chefer hos medlemsparterna.", 8));

    public static readonly string Html = "<html><body>" + string.Concat(Enumerable.Repeat(
        "<p>Under hösten inleder förbundet ett samarbete med MUCF om unga som varken arbetar eller studerar (UVAS). Arbetet börjar med tre workshoppar för chefer hos medlemsparterna.</p>", 8)) + "</body></html>";
}

/// <param name="Total">From the campaign's start (which writes one delivery row per recipient) to the last mail marked sent.</param>
internal sealed record CampaignRun(TimeSpan Total);

internal static class Campaign
{
    public static async Task<CampaignRun> RunAsync(string webDll, int smtpPort, int recipients, int connections, string postgresServer)
    {
        var data = Path.Combine(Path.GetTempPath(), "samordna-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var database = "samordna_bench_" + Guid.NewGuid().ToString("N")[..10];
        var usesPostgres = postgresServer.Length > 0;
        string connectionString;
        if (usesPostgres)
        {
            await using (var admin = new NpgsqlConnection(postgresServer))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            connectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "samordna.db") }.ToString();
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [webDll]) { WorkingDirectory = Path.GetDirectoryName(webDll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = start.Environment;
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Samordna__DataDirectory"] = data;
        env["Database__Provider"] = usesPostgres ? "Postgres" : "Sqlite";
        env["ConnectionStrings__Samordna"] = usesPostgres ? connectionString : "";
        env["Email__Transport"] = "Smtp";
        env["Email__From"] = "nyhetsbrev@samordna.example.se";
        env["Email__Smtp__Host"] = "127.0.0.1";
        env["Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        env["Email__Smtp__EnableSsl"] = "false";
        env["Newsletter__MessagesPerSecond"] = "0";
        env["Newsletter__Connections"] = connections.ToString(CultureInfo.InvariantCulture);
        env["Newsletter__PollSeconds"] = "1";
        env["Newsletter__PublicBaseUrl"] = "https://samordna.example.se";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) })
            {
                var wait = Stopwatch.StartNew();
                while (true)
                {
                    try
                    {
                        if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    if (wait.Elapsed > TimeSpan.FromSeconds(90) || process.HasExited)
                    {
                        throw new InvalidOperationException("The application did not start.");
                    }
                    await Task.Delay(200);
                }
            }
            int campaignId;
            await using (var db = Context(usesPostgres, connectionString))
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var list = await db.Set<NewsletterList>().SingleAsync(l => l.Slug == "nyhetsbrev");
                for (var i = 0; i < recipients; i++)
                {
                    var id = Guid.CreateVersion7();
                    var email = $"mottagare{i:D5}@example.se";
                    db.Add(new Subscriber
                    {
                        Id = id, Email = email, NormalizedEmail = email, Status = SubscriberStatus.Confirmed,
                        ConsentVersion = NewsletterConsent.Version, ConsentSource = NewsletterConsent.Import, ConsentEvidence = "Benchmark",
                        ConsentAt = DateTimeOffset.UnixEpoch, CreatedAt = DateTimeOffset.UnixEpoch,
                        Subscriptions = [new Subscription { SubscriberId = id, ListId = list.Id }],
                    });
                }
                await db.SaveChangesAsync();
                var campaign = new Samordna.Web.Features.Newsletter.Campaign
                {
                    Subject = "Nyhetsbrev november: tre webbinarier",
                    Preheader = "Webbinarier 8, 17 och 29 november",
                    Body = "Hej!\n\n" + Body.Text,
                    Status = CampaignStatus.Scheduled,
                    ScheduledAt = DateTimeOffset.UnixEpoch,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                    UpdatedAt = DateTimeOffset.UnixEpoch,
                    UpdatedByName = "bench",
                    Lists = [new CampaignList { ListId = list.Id }],
                };
                db.Add(campaign);
                await db.SaveChangesAsync();
                campaignId = campaign.Id;
            }
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                await using var db = Context(usesPostgres, connectionString);
                var c = await db.Set<Samordna.Web.Features.Newsletter.Campaign>().AsNoTracking().SingleAsync(x => x.Id == campaignId);
                if (c.Status == CampaignStatus.Sent)
                {
                    var sent = await db.Set<CampaignDelivery>().CountAsync(d => d.CampaignId == campaignId && d.Status == DeliveryStatus.Sent);
                    if (sent != recipients)
                    {
                        throw new InvalidOperationException($"Only {sent} of {recipients} were sent.");
                    }
                    var last = await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaignId).MaxAsync(d => d.SentAt);
                    return new CampaignRun(last!.Value - c.StartedAt!.Value);
                }
                if (deadline.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException("The campaign did not finish within ten minutes.");
                }
                await Task.Delay(100);
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            if (usesPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(postgresServer);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static AppDbContext Context(bool postgres, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }
        return new AppDbContext(options.Options);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Args(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
