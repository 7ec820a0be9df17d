using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

public sealed class EmailOutboxTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EmailMessage Message(string to, string subject, string? key = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var content = EmailTemplate.Render("Samordningsförbundet Sigtuna, Upplands Väsby och Vallentuna", "Återställ ditt lösenord",
            ["Hej Åsa!", "Någon (förhoppningsvis du) bad om att få välja ett nytt lösenord."],
            "Välj nytt lösenord", "https://samordna.example.se/konto/aterstall?kod=abc&x=1", "Länken gäller i två timmar.");
        return new EmailMessage(to, subject, content.Html, content.Text, key, headers);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.se";

    private async Task EnqueueAndSaveAsync(params EmailMessage[] messages)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outbox.Enqueue(message);
        }
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
    }

    private string[] MailFiles() =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*", SearchOption.AllDirectories)
            : [];

    [Fact]
    public async Task Enqueued_message_is_not_sent_when_the_change_is_not_saved()
    {
        var to = Unique("osparad");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(Message(to, "Ska aldrig skickas"));
            // The request ends without SaveChanges, e.g. because validation failed.
        }

        await factory.DispatchMailAsync();

        Assert.Empty(await factory.OutboxMailsToAsync(to));
        Assert.DoesNotContain(MailFiles(), f => File.ReadAllText(f).Contains(to, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Message_saved_in_a_rolled_back_transaction_is_never_sent()
    {
        var to = Unique("aterstalld");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(Message(to, "Ångrad"));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await factory.DispatchMailAsync();

        Assert.Empty(await factory.OutboxMailsToAsync(to));
    }

    [Fact]
    public async Task Saved_message_is_written_as_one_eml_file_with_text_and_html_parts()
    {
        var to = Unique("asa");
        const string subject = "Återställ ditt lösenord – Samordningsförbundet Sigtuna, Upplands Väsby och Vallentuna";
        var key = "test:reset:" + Guid.NewGuid();
        await EnqueueAndSaveAsync(Message(to, subject, key, new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://samordna.example.se/avregistrera?id=1>",
        }));

        var mail = await factory.SingleSentMailToAsync(to);

        Assert.Equal(OutboxEmailStatus.Sent, mail.Status);
        Assert.Equal(factory.Clock.GetUtcNow(), mail.SentAt);
        Assert.Equal(1, mail.Attempts);
        var files = MailFiles().Where(f => f.Contains(mail.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal([factory.MailFilePath(mail)], files);
        Assert.DoesNotContain(MailFiles(), f => f.EndsWith(".part", StringComparison.Ordinal));

        var eml = EmlFile.Parse(await File.ReadAllBytesAsync(factory.MailFilePath(mail), Ct));
        Assert.Equal("1.0", eml.Raw("MIME-Version"));
        Assert.StartsWith("=?utf-8?", eml.Raw("Subject"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(subject, eml.Header("Subject"));
        Assert.Equal(to, eml.Header("To"));
        var options = factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal($"{options.FromName} <{options.From}>", eml.Header("From"));
        Assert.Equal("Samordningsförbundet", options.FromName); // Association:Name when Email:FromName is not set
        Assert.Equal(EmlWriter.FormatDate(factory.Clock.GetUtcNow()), eml.Raw("Date"));
        Assert.Equal(1, eml.Count("Date"));
        Assert.Equal(factory.Services.GetRequiredService<EmlWriter>().MessageIdFor(key), eml.Raw("Message-ID"));
        Assert.Matches("^<[0-9a-f]{32}\\.outbox@[a-z0-9.-]+>$", eml.Raw("Message-ID"));
        Assert.Equal("<https://samordna.example.se/avregistrera?id=1>", eml.Raw("List-Unsubscribe"));
        Assert.Equal("auto-generated", eml.Raw("Auto-Submitted"));
        Assert.Null(eml.Raw("X-Sender"));

        Assert.Equal("multipart/alternative", eml.MediaType);
        var parts = eml.Parts();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.MediaType));
        Assert.All(parts, p => Assert.Equal("utf-8", p.Parameter("charset"), ignoreCase: true));
        var text = parts[0].DecodedBody();
        var html = parts[1].DecodedBody();
        Assert.Equal(mail.TextBody.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
        Assert.Contains("Hej Åsa!", text, StringComparison.Ordinal);
        Assert.Contains("https://samordna.example.se/konto/aterstall?kod=abc&x=1", text, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Återställ ditt lösenord</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://samordna.example.se/konto/aterstall?kod=abc&amp;x=1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_idempotency_key_twice_gives_one_message()
    {
        var to = Unique("dubbel");
        var key = "test:invite:" + Guid.NewGuid();

        // Twice in one unit of work (the first is only tracked), then again in a later request (it is in the database).
        await EnqueueAndSaveAsync(Message(to, "Inbjudan", key), Message(to, "Inbjudan igen", key));
        await EnqueueAndSaveAsync(Message(to, "Inbjudan en tredje gång", key));
        var sent = await factory.SentMailsToAsync(to);
        await EnqueueAndSaveAsync(Message(to, "Inbjudan efter sändning", key));
        await factory.DispatchMailAsync();

        var all = await factory.OutboxMailsToAsync(to);
        var mail = Assert.Single(all);
        Assert.Equal("Inbjudan", mail.Subject);
        Assert.Equal(OutboxEmailStatus.Sent, mail.Status);
        Assert.Single(sent);
        Assert.Single(MailFiles(), f => File.ReadAllText(f).Contains(to, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Messages_without_a_key_are_all_sent()
    {
        var to = Unique("utan-nyckel");

        await EnqueueAndSaveAsync(Message(to, "Första"), Message(to, "Andra"));

        var sent = await factory.SentMailsToAsync(to);
        Assert.Equal(["Andra", "Första"], sent.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.NotEqual(sent[0].IdempotencyKey, sent[1].IdempotencyKey);
    }

    [Theory]
    [InlineData("inte en adress")]
    [InlineData("Anna <anna@example.se>")]
    [InlineData("a@example.se, b@example.se")]
    public async Task Enqueue_refuses_anything_but_one_plain_address(string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();

        Assert.Throws<ArgumentException>(() => outbox.Enqueue(Message(to, "Hej")));
    }

    [Theory]
    [InlineData("Subject", "Annat ämne")]
    [InlineData("Message-ID", "<x@example.se>")]
    [InlineData("X-Injektion", "värde\r\nBcc: alla@example.se")]
    [InlineData("Felaktigt namn", "värde")]
    public async Task Enqueue_refuses_headers_that_could_change_the_message(string name, string value)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();

        Assert.Throws<ArgumentException>(() => outbox.Enqueue(Message("anna@example.se", "Hej", headers: new Dictionary<string, string> { [name] = value })));
    }

    [Fact]
    public async Task Subject_is_kept_on_one_line()
    {
        var to = Unique("rad");

        await EnqueueAndSaveAsync(Message(to, "Första raden\r\nBcc: alla@example.se"));

        var mail = Assert.Single(await factory.OutboxMailsToAsync(to));
        Assert.Equal("Första raden Bcc: alla@example.se", mail.Subject);
        var eml = EmlFile.Parse(await File.ReadAllBytesAsync(factory.MailFilePath((await factory.SentMailsToAsync(to))[0]), Ct));
        Assert.Null(eml.Raw("Bcc"));
    }

    [Fact]
    public async Task Saving_wakes_the_background_dispatcher()
    {
        var to = Unique("vaken");

        // The factory polls only hourly: a send within seconds means the save woke the dispatcher.
        await EnqueueAndSaveAsync(Message(to, "Skickas direkt"));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20) &&
            (await factory.OutboxMailsToAsync(to)).SingleOrDefault()?.Status != OutboxEmailStatus.Sent)
        {
            await Task.Delay(50, Ct);
        }
        Assert.Equal(OutboxEmailStatus.Sent, Assert.Single(await factory.OutboxMailsToAsync(to)).Status);
    }
}
