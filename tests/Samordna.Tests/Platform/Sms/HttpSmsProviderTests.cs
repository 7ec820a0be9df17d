using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Sms;

namespace Samordna.Tests.Platform.Sms;

/// <summary>The application configured with the HTTP SMS provider, pointed at a fake 46elks on a loopback port.</summary>
public sealed class HttpSmsFactory : SamordnaFactory
{
    public FakeSmsProvider Provider { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Sms:Provider", "Http"),
        new("Sms:Http:Url", Provider.Url),
        new("Sms:Http:Username", "u1234"),
        new("Sms:Http:Password", "hemligt-lösen"),
        new("Sms:From", "Hoppet"),
        new("Sms:BackgroundDispatch", "false"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class HttpSmsProviderTests(HttpSmsFactory factory) : IClassFixture<HttpSmsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> EnqueueAsync(string text, string? key = null)
    {
        var number = "+46701" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ISmsOutbox>().Enqueue(new SmsMessage(number, text, key));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        return number;
    }

    [Fact]
    public async Task A_message_is_posted_form_encoded_with_basic_authentication()
    {
        var number = await EnqueueAsync("Hej! Välkommen till HoppetOnline.");

        await factory.DispatchSmsAsync();

        var received = Assert.Single(factory.Provider.Received, r => r.Fields.GetValueOrDefault("to") == number);
        Assert.Equal("/a1/sms", received.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", received.ContentType, StringComparison.Ordinal);
        Assert.Equal("Hoppet", received.Fields["from"]);
        Assert.Equal("Hej! Välkommen till HoppetOnline.", received.Fields["message"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u1234:hemligt-lösen")), received.Authorization);
        var sms = Assert.Single(await factory.OutboxSmsToAsync(number));
        Assert.Equal(OutboxSmsStatus.Sent, sms.Status);
        Assert.EndsWith("fake", sms.ProviderMessageId, StringComparison.Ordinal);
        Assert.False(File.Exists(factory.SmsFilePath(sms)), "The HTTP provider writes no file.");
    }

    [Fact]
    public async Task A_server_error_is_retried_later_and_a_refusal_fails_for_good()
    {
        factory.Provider.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        var retried = await EnqueueAsync("Först ett fel på servern.");
        await factory.DispatchSmsAsync();

        var pending = Assert.Single(await factory.OutboxSmsToAsync(retried));
        Assert.Equal(OutboxSmsStatus.Pending, pending.Status);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("503", pending.LastError, StringComparison.Ordinal);
        Assert.True(pending.NextAttemptAt > factory.Clock.GetUtcNow());

        factory.Provider.Answers.Enqueue(HttpStatusCode.BadRequest);
        var refused = await EnqueueAsync("Sedan ett nej.");
        await factory.DispatchSmsAsync();
        var failed = Assert.Single(await factory.OutboxSmsToAsync(refused));
        Assert.Equal(OutboxSmsStatus.Failed, failed.Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DispatchSmsAsync();
        var sent = Assert.Single(await factory.OutboxSmsToAsync(retried));
        Assert.Equal(OutboxSmsStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task The_same_idempotency_key_sends_once()
    {
        var key = "test:" + Guid.NewGuid();
        var number = await EnqueueAsync("En gång.", key);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ISmsOutbox>().Enqueue(new SmsMessage(number, "En gång.", key));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }

        await factory.DispatchSmsAsync();
        await factory.DispatchSmsAsync();

        Assert.Single(factory.Provider.Received, r => r.Fields.GetValueOrDefault("to") == number);
    }
}
