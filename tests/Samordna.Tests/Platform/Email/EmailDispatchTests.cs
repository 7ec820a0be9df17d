using System.Collections.Concurrent;
using System.Net.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

/// <summary>The application with a transport the test scripts, and no background dispatcher, so every pass is the test's.</summary>
public sealed class ScriptedTransportFactory : SamordnaFactory
{
    public ScriptedTransport Transport { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Email:BackgroundDispatch", "false"),
        new("Email:MaxParallelSends", "4"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailTransport>();
            services.AddSingleton<IEmailTransport>(sp =>
            {
                Transport.Files = sp.GetRequiredService<FileEmailTransport>();
                return Transport;
            });
        });
    }
}

/// <summary>Records every send; by default writes the file as the real transport does, or runs <see cref="Behaviour"/>.</summary>
public sealed class ScriptedTransport : IEmailTransport
{
    public FileEmailTransport Files { get; set; } = null!;

    public ConcurrentQueue<OutgoingEmail> Sends { get; } = new();

    public Func<OutgoingEmail, CancellationToken, Task>? Behaviour { get; set; }

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Sends.Enqueue(email);
        await (Behaviour?.Invoke(email, cancellationToken) ?? Files.SendAsync(email, cancellationToken));
    }

    public List<OutgoingEmail> SendsOf(Guid outboxId) => [.. Sends.Where(s => s.OutboxId == outboxId)];
}

public sealed class EmailDispatchTests(ScriptedTransportFactory factory) : IClassFixture<ScriptedTransportFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EmailOptions Options => factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value;

    private async Task<OutboxEmail> EnqueueAsync(string? to = null)
    {
        to ??= $"mottagare-{Guid.NewGuid():N}@example.se";
        var content = EmailTemplate.Render("Samordningsförbundet", "Välkommen", ["Hej!"]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage(to, "Välkommen", content.Html, content.Text, "test:" + Guid.NewGuid()));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }
        return Assert.Single(await factory.OutboxMailsToAsync(to));
    }

    private async Task<OutboxEmail> ReloadAsync(OutboxEmail mail) => Assert.Single(await factory.OutboxMailsToAsync(mail.To));

    [Fact]
    public async Task Failing_transport_is_retried_with_exponential_back_off_and_then_marked_failed()
    {
        var mail = await EnqueueAsync();
        factory.Transport.Behaviour = (_, _) => throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421 Tjänsten är tillfälligt otillgänglig");
        try
        {
            var expectedDelay = TimeSpan.FromSeconds(Options.RetryBaseSeconds);
            for (var attempt = 1; attempt <= Options.MaxAttempts; attempt++)
            {
                await factory.DispatchMailAsync();
                var current = await ReloadAsync(mail);
                Assert.Equal(attempt, current.Attempts);
                Assert.Equal(attempt, factory.Transport.SendsOf(mail.Id).Count);
                Assert.Contains("421", current.LastError, StringComparison.Ordinal);
                Assert.Null(current.SentAt);
                Assert.Null(current.LockedUntil);
                if (attempt == Options.MaxAttempts)
                {
                    Assert.Equal(OutboxEmailStatus.Failed, current.Status);
                    break;
                }
                Assert.Equal(OutboxEmailStatus.Pending, current.Status);
                Assert.Equal(factory.Clock.GetUtcNow() + expectedDelay, current.NextAttemptAt);

                // Not before the back-off has passed.
                factory.Clock.Advance(expectedDelay - TimeSpan.FromSeconds(1));
                await factory.DispatchMailAsync();
                Assert.Equal(attempt, factory.Transport.SendsOf(mail.Id).Count);
                factory.Clock.Advance(TimeSpan.FromSeconds(1));
                expectedDelay *= 2;
            }

            // Failed is final: nothing more happens, however long we wait.
            factory.Clock.Advance(TimeSpan.FromDays(2));
            await factory.DispatchMailAsync();
            Assert.Equal(Options.MaxAttempts, factory.Transport.SendsOf(mail.Id).Count);
            Assert.False(File.Exists(factory.MailFilePath(mail)));
        }
        finally
        {
            factory.Transport.Behaviour = null;
        }
    }

    [Fact]
    public async Task Recipient_refused_for_good_is_not_retried()
    {
        var mail = await EnqueueAsync();
        factory.Transport.Behaviour = (_, _) => throw new EmailRejectedException("550 Mailbox unavailable");
        try
        {
            await factory.DispatchMailAsync();
            factory.Clock.Advance(TimeSpan.FromHours(1));
            await factory.DispatchMailAsync();
        }
        finally
        {
            factory.Transport.Behaviour = null;
        }

        var current = await ReloadAsync(mail);
        Assert.Equal(OutboxEmailStatus.Failed, current.Status);
        Assert.Equal(1, current.Attempts);
        Assert.Contains("550 Mailbox unavailable", current.LastError, StringComparison.Ordinal);
        Assert.Single(factory.Transport.SendsOf(mail.Id));
    }

    [Fact]
    public async Task Dispatch_interrupted_after_sending_sends_again_with_the_same_message_id_and_no_duplicate_file()
    {
        var mail = await EnqueueAsync();
        using var crash = new CancellationTokenSource();
        // The message leaves, then the node goes down before it can record that.
        factory.Transport.Behaviour = async (email, token) =>
        {
            await factory.Transport.Files.SendAsync(email, token);
            await crash.CancelAsync();
            token.ThrowIfCancellationRequested();
        };
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                factory.Services.GetRequiredService<EmailDispatcher>().DispatchDueAsync(crash.Token));
        }
        finally
        {
            factory.Transport.Behaviour = null;
        }

        var interrupted = await ReloadAsync(mail);
        Assert.Equal(OutboxEmailStatus.Sending, interrupted.Status);
        Assert.Null(interrupted.SentAt);
        Assert.True(File.Exists(factory.MailFilePath(mail)));

        // While the lease holds, no other pass touches it.
        await factory.DispatchMailAsync();
        Assert.Single(factory.Transport.SendsOf(mail.Id));

        // After the lease, it is sent again, recognisably the same message.
        factory.Clock.Advance(TimeSpan.FromSeconds(Options.LeaseSeconds));
        await factory.DispatchMailAsync();

        var sent = await ReloadAsync(mail);
        Assert.Equal(OutboxEmailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        var sends = factory.Transport.SendsOf(mail.Id);
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].MessageId, sends[1].MessageId);
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(mail.Id.ToString("N"), StringComparison.Ordinal) || f.Contains(mail.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal([factory.MailFilePath(mail)], files);
        var eml = EmlFile.Parse(await File.ReadAllBytesAsync(factory.MailFilePath(mail), Ct));
        Assert.Equal(sends[0].MessageId, eml.Raw("Message-ID"));
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_message_once()
    {
        var mails = new List<OutboxEmail>();
        for (var i = 0; i < 12; i++)
        {
            mails.Add(await EnqueueAsync());
        }
        factory.Transport.Behaviour = async (email, token) =>
        {
            await Task.Delay(20, token);
            await factory.Transport.Files.SendAsync(email, token);
        };
        try
        {
            // A second dispatcher instance acts as another node: it shares the database, not the in-process gate.
            var otherNode = ActivatorUtilities.CreateInstance<EmailDispatcher>(factory.Services);
            var first = factory.Services.GetRequiredService<EmailDispatcher>().DispatchDueAsync(Ct);
            var second = otherNode.DispatchDueAsync(Ct);
            var results = await Task.WhenAll(first, second);

            Assert.Equal(mails.Count, results.Sum(r => r.Sent));
        }
        finally
        {
            factory.Transport.Behaviour = null;
        }

        foreach (var mail in mails)
        {
            Assert.Single(factory.Transport.SendsOf(mail.Id));
            Assert.Equal(OutboxEmailStatus.Sent, (await ReloadAsync(mail)).Status);
        }
    }

    [Fact]
    public async Task Sent_messages_past_the_retention_are_deleted_with_their_files_but_waiting_ones_are_kept()
    {
        var old = await EnqueueAsync();
        await factory.DispatchMailAsync();
        Assert.True(File.Exists(factory.MailFilePath(old)));
        // A message in a long back-off: still pending when the retention has passed.
        var waiting = await EnqueueAsync();
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Set<OutboxEmail>().FindAsync([waiting.Id], Ct);
            row!.NextAttemptAt = factory.Clock.GetUtcNow().AddYears(1);
            await db.SaveChangesAsync(Ct);
        });
        factory.Clock.Advance(TimeSpan.FromDays(Options.RetentionDays) - TimeSpan.FromMinutes(1));
        var recent = await EnqueueAsync();
        await factory.DispatchMailAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var purged = await factory.Services.GetRequiredService<EmailDispatcher>().PurgeExpiredAsync(Ct);

        Assert.True(purged >= 1);
        Assert.Empty(await factory.OutboxMailsToAsync(old.To));
        Assert.False(File.Exists(factory.MailFilePath(old)));
        Assert.Equal(OutboxEmailStatus.Pending, (await ReloadAsync(waiting)).Status);
        Assert.Equal(OutboxEmailStatus.Sent, (await ReloadAsync(recent)).Status);
        Assert.True(File.Exists(factory.MailFilePath(recent)));
    }
}
