using System.Text;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

public sealed class PipelinedSmtpTransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PipelinedSmtpTransport Transport(FakeSmtpServer server) => new(Options.Create(new EmailOptions
    {
        Transport = EmailOptions.SmtpTransport,
        From = "nyhetsbrev@samordna.example.se",
        FromName = "Samordningsförbundet Östra Södertörn",
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, EnableSsl = false, TimeoutSeconds = 10 },
    }));

    private static OutgoingEmail Mail(string to, string subject = "Nyhetsbrev: höstens webbinarier", string text = "Hej!\nVälkommen.") =>
        new(Guid.CreateVersion7(), $"<{Guid.NewGuid():N}@samordna.example.se>", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            to, subject, "<p>Hej!</p>", text,
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://samordna.example.se/nyhetsbrev/avsluta/direkt?t=abc>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_arrive_whole_over_one_reused_connection(bool pipelining)
    {
        await using var server = new FakeSmtpServer();
        if (pipelining)
        {
            server.Extensions = ["PIPELINING", "8BITMIME"];
        }
        await using var transport = Transport(server);
        var longLine = string.Concat(Enumerable.Repeat("Samordningsförbundet stöttar unga ", 10));
        var text = $"Hej!\n.En rad som börjar med punkt\n{longLine}\nSlut ";

        for (var i = 0; i < 5; i++)
        {
            await transport.SendAsync(Mail($"mottagare{i}@example.se", text: text), Ct);
        }

        Assert.Equal(5, server.Messages.Count);
        Assert.Equal(1, server.Connections);
        Assert.Equal(1, transport.ConnectionsOpened);
        var message = server.Messages.First();
        Assert.Equal("nyhetsbrev@samordna.example.se", message.From);
        Assert.Equal(["mottagare0@example.se"], message.Recipients);
        var eml = message.Eml;
        Assert.Equal("Nyhetsbrev: höstens webbinarier", eml.Header("Subject"));
        Assert.Contains("Samordningsförbundet Östra Södertörn", eml.Header("From"), StringComparison.Ordinal);
        Assert.Equal("<https://samordna.example.se/nyhetsbrev/avsluta/direkt?t=abc>", eml.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", eml.Header("List-Unsubscribe-Post"));
        var parts = eml.Parts();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.MediaType));
        var decoded = parts[0].DecodedBody().ReplaceLineEndings("\n");
        Assert.Contains("\n.En rad som börjar med punkt\n", decoded, StringComparison.Ordinal);
        Assert.Contains(longLine, decoded, StringComparison.Ordinal);
        Assert.EndsWith("Slut ", decoded.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.All(message.Data.Split("\r\n"), line => Assert.True(line.Length <= 998));
    }

    [Fact]
    public async Task Parallel_senders_use_a_connection_each()
    {
        await using var server = new FakeSmtpServer { Extensions = ["PIPELINING"] };
        await using var transport = Transport(server);

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct },
            async (i, ct) => await transport.SendAsync(Mail($"person{i}@example.se"), ct));

        Assert.Equal(40, server.Messages.Count);
        Assert.Equal(40, server.Messages.SelectMany(m => m.Recipients).Distinct().Count());
        Assert.InRange(transport.ConnectionsOpened, 1, 4);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_recipient_is_rejected_for_good_and_the_connection_goes_on(bool pipelining)
    {
        await using var server = new FakeSmtpServer
        {
            Extensions = pipelining ? ["PIPELINING"] : [],
            RecipientReply = to => to.StartsWith("finns.inte", StringComparison.Ordinal) ? "550 5.1.1 No such user" : null,
        };
        await using var transport = Transport(server);

        await Assert.ThrowsAsync<EmailRejectedException>(() => transport.SendAsync(Mail("finns.inte@example.se"), Ct));
        await transport.SendAsync(Mail("finns@example.se"), Ct);

        var message = Assert.Single(server.Messages);
        Assert.Equal(["finns@example.se"], message.Recipients);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_temporary_refusal_is_not_a_rejection()
    {
        await using var server = new FakeSmtpServer { RecipientReply = _ => "451 4.7.1 Try again later" };
        await using var transport = Transport(server);

        var error = await Assert.ThrowsAsync<SmtpReplyException>(() => transport.SendAsync(Mail("senare@example.se"), Ct));

        Assert.Equal(451, error.Code);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Nothing_listening_is_a_temporary_failure()
    {
        int port;
        await using (var server = new FakeSmtpServer())
        {
            port = server.Port;
        }
        var transport = new PipelinedSmtpTransport(Options.Create(new EmailOptions
        {
            From = "a@samordna.example.se",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, EnableSsl = false, TimeoutSeconds = 5 },
        }));

        var error = await Record.ExceptionAsync(() => transport.SendAsync(Mail("x@example.se"), Ct));

        Assert.NotNull(error);
        Assert.IsNotType<EmailRejectedException>(error);
    }

    [Fact]
    public async Task Encryption_required_but_not_offered_refuses_to_send_in_the_clear()
    {
        await using var server = new FakeSmtpServer();
        var transport = new PipelinedSmtpTransport(Options.Create(new EmailOptions
        {
            From = "a@samordna.example.se",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, EnableSsl = true, TimeoutSeconds = 5 },
        }));

        var error = await Assert.ThrowsAsync<SmtpProtocolException>(() => transport.SendAsync(Mail("x@example.se"), Ct));

        Assert.Contains("STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public void Headers_outside_ascii_are_encoded_words_of_whole_characters()
    {
        var subject = string.Concat(Enumerable.Repeat("Välkommen på frukostmöte i Märsta – ", 4));

        var encoded = MimeWriter.Encode(subject);

        Assert.All(encoded.Split("\r\n "), word => Assert.Matches(@"^=\?utf-8\?B\?[A-Za-z0-9+/=]+\?=$", word));
        var decoded = string.Concat(encoded.Split("\r\n ").Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w[10..^2]))));
        Assert.Equal(subject, decoded);
    }
}
