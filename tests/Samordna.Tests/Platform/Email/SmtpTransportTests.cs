using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

/// <summary>The application configured to send through SMTP, to a fake server on a loopback port.</summary>
public sealed class SmtpFactory : SamordnaFactory
{
    public FakeSmtpServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Email:Transport", "Smtp"),
        new("Email:From", "no-reply@samordna.example.se"),
        new("Email:FromName", "Samordningsförbundet Östra"),
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:EnableSsl", "false"),
        new("Email:Smtp:TimeoutSeconds", "10"),
        new("Email:BackgroundDispatch", "false"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SmtpTransportTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<OutboxEmail>> EnqueueAsync(params string[] recipients)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            foreach (var to in recipients)
            {
                var content = EmailTemplate.Render("Samordningsförbundet Östra", "Inbjudan till frukostmöte", ["Välkommen på frukost i Märsta!"]);
                outbox.Enqueue(new EmailMessage(to, "Inbjudan till frukostmöte – Märsta", content.Html, content.Text));
            }
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }
        var mails = new List<OutboxEmail>();
        foreach (var to in recipients)
        {
            mails.Add(Assert.Single(await factory.OutboxMailsToAsync(to)));
        }
        return mails;
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.se";

    [Fact]
    public async Task Message_is_delivered_to_the_smtp_server_with_its_headers()
    {
        var to = Unique("gunnel");
        var mail = (await EnqueueAsync(to))[0];

        await factory.DispatchMailAsync();

        var received = Assert.Single(factory.Smtp.Messages, m => m.Recipients.Contains(to));
        Assert.Equal("no-reply@samordna.example.se", received.From);
        var eml = received.Eml;
        Assert.Equal("Inbjudan till frukostmöte – Märsta", eml.Header("Subject"));
        Assert.Equal("Samordningsförbundet Östra <no-reply@samordna.example.se>", eml.Header("From"));
        Assert.Equal(factory.Services.GetRequiredService<EmlWriter>().MessageIdFor(mail.IdempotencyKey), eml.Raw("Message-ID"));
        Assert.EndsWith("@samordna.example.se>", eml.Raw("Message-ID"), StringComparison.Ordinal);
        Assert.Equal(["text/plain", "text/html"], eml.Parts().Select(p => p.MediaType));
        Assert.Contains("Välkommen på frukost i Märsta!", eml.Parts()[0].DecodedBody(), StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Sent, Assert.Single(await factory.OutboxMailsToAsync(to)).Status);
        Assert.False(File.Exists(factory.MailFilePath(mail)), "With SMTP, no file is written.");
    }

    [Fact]
    public async Task Many_messages_go_over_parallel_connections_each_once()
    {
        var recipients = Enumerable.Range(0, 10).Select(i => Unique($"massutskick{i}")).ToArray();
        await EnqueueAsync(recipients);

        var summary = await factory.DispatchMailAsync();

        Assert.Equal(10, summary.Sent);
        foreach (var to in recipients)
        {
            Assert.Single(factory.Smtp.Messages, m => m.Recipients.Contains(to));
        }
    }

    [Fact]
    public async Task Recipient_refused_for_good_is_failed_at_once_and_a_temporary_refusal_is_retried()
    {
        var gone = Unique("finns-inte");
        var busy = Unique("full-brevlada");
        factory.Smtp.RecipientReply = address =>
            address == gone ? "550 5.1.1 Mailbox unavailable" : address == busy ? "452 4.2.2 Mailbox full, try later" : null;
        try
        {
            await EnqueueAsync(gone, busy);
            await factory.DispatchMailAsync();
        }
        finally
        {
            factory.Smtp.RecipientReply = _ => null;
        }

        var refused = Assert.Single(await factory.OutboxMailsToAsync(gone));
        Assert.Equal(OutboxEmailStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);

        var later = Assert.Single(await factory.OutboxMailsToAsync(busy));
        Assert.Equal(OutboxEmailStatus.Pending, later.Status);
        Assert.Equal(1, later.Attempts);

        // The mailbox has room again once the back-off has passed.
        factory.Clock.Advance(TimeSpan.FromSeconds(factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value.RetryBaseSeconds));
        await factory.DispatchMailAsync();
        Assert.Equal(OutboxEmailStatus.Sent, Assert.Single(await factory.OutboxMailsToAsync(busy)).Status);
    }
}

public sealed class EmailOptionsTests
{
    private sealed class MisconfiguredFactory(params (string Key, string Value)[] settings) : SamordnaFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
    }

    [Theory]
    [InlineData("Email:Transport", "Brevduva", "Email:Transport is 'Brevduva'")]
    [InlineData("Email:Transport", "Smtp", "Email:Smtp:Host is empty")]
    [InlineData("Email:From", "Förbundet <info@example.se>", "is not a plain e-mail address")]
    public async Task Wrong_settings_stop_the_start_with_a_clear_message(string key, string value, string expected)
    {
        await using var factory = new MisconfiguredFactory((key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await factory.InitializeAsync());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
