using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Platform.Email;
using Samordna.Web.Features.Newsletter;

namespace Samordna.Tests.Features.Newsletter;

/// <summary>The application sending campaigns through SMTP (the pipelined client) to a fake server on loopback.</summary>
public sealed class NewsletterSmtpFactory : NewsletterFactory
{
    public FakeSmtpServer Smtp { get; } = new() { Extensions = ["PIPELINING", "8BITMIME"] };

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Email:Transport", "Smtp"),
        new("Email:From", "nyhetsbrev@samordna.example.se"),
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:EnableSsl", "false"),
        new("Email:Smtp:TimeoutSeconds", "10"),
        new("Newsletter:RetryBaseSeconds", "60"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class DeliveryFailureTests(NewsletterSmtpFactory factory) : IClassFixture<NewsletterSmtpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Subscriber> ConfirmedAsync(string email) => factory.WithDbAsync(async db =>
    {
        var list = await db.Set<NewsletterList>().SingleAsync(l => l.Slug == "nyhetsbrev", Ct);
        var id = Guid.CreateVersion7();
        var subscriber = new Subscriber
        {
            Id = id, Email = email, NormalizedEmail = email, Status = SubscriberStatus.Confirmed, ConsentVersion = NewsletterConsent.Version,
            ConsentAt = factory.Clock.GetUtcNow(), ConsentSource = NewsletterConsent.Import, ConsentEvidence = "Test", CreatedAt = factory.Clock.GetUtcNow(),
            Subscriptions = [new Subscription { SubscriberId = id, ListId = list.Id }],
        };
        db.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        return subscriber;
    });

    private Task<CampaignDelivery> DeliveryAsync(int campaignId, Guid subscriberId) =>
        factory.WithDbAsync(db => db.Set<CampaignDelivery>().AsNoTracking().SingleAsync(d => d.CampaignId == campaignId && d.SubscriberId == subscriberId, Ct));

    [Fact]
    public async Task A_permanent_refusal_marks_the_subscriber_and_a_temporary_one_is_retried_with_back_off()
    {
        var refused = await ConfirmedAsync(NewsletterTestHelpers.UniqueAddress("finns-inte"));
        var busy = await ConfirmedAsync(NewsletterTestHelpers.UniqueAddress("upptagen"));
        var fine = await ConfirmedAsync(NewsletterTestHelpers.UniqueAddress("fungerar"));
        var busyOnce = true;
        factory.Smtp.RecipientReply = to =>
            to == refused.Email ? "550 5.1.1 User unknown"
            : to == busy.Email && busyOnce ? "451 4.3.2 Try again later"
            : null;
        var subject = "Utskick " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.ScheduleCampaignAsync(subject);

        await factory.SendCampaignsAsync();

        Assert.Contains(factory.Smtp.Messages, m => m.Recipients.Contains(fine.Email) && m.Eml.Header("Subject") == subject);
        var bounced = (await factory.SubscriberAsync(refused.Email))!;
        Assert.Equal(SubscriberStatus.Bounced, bounced.Status);
        Assert.Contains("550", bounced.BounceReason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync(id, refused.Id)).Status);
        var waiting = await DeliveryAsync(id, busy.Id);
        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal(factory.Clock.GetUtcNow().AddSeconds(60), waiting.NextAttemptAt);
        Assert.Equal(CampaignStatus.Sending, await factory.CampaignStatusAsync(id));

        // Not before the back-off has passed…
        busyOnce = false;
        await factory.SendCampaignsAsync();
        Assert.Equal(DeliveryStatus.Pending, (await DeliveryAsync(id, busy.Id)).Status);

        // …then it goes, and the campaign is done. The bounced address gets no later campaign.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await factory.SendCampaignsAsync();
        var retried = await DeliveryAsync(id, busy.Id);
        Assert.Equal(DeliveryStatus.Sent, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Single(factory.Smtp.Messages, m => m.Recipients.Contains(busy.Email) && m.Eml.Header("Subject") == subject);
        Assert.Equal(CampaignStatus.Sent, await factory.CampaignStatusAsync(id));

        var next = "Nästa " + Guid.NewGuid().ToString("N")[..6];
        var nextId = await factory.ScheduleCampaignAsync(next);
        await factory.SendCampaignsAsync();
        Assert.False(await factory.WithDbAsync(db => db.Set<CampaignDelivery>().AnyAsync(d => d.CampaignId == nextId && d.SubscriberId == refused.Id, Ct)));
    }

    [Fact]
    public async Task Sign_ups_never_confirmed_are_erased_after_thirty_days()
    {
        var email = NewsletterTestHelpers.UniqueAddress("glomsk");
        await factory.SignUpAsync(email);
        var sender = factory.Services.GetRequiredService<CampaignSender>();

        await sender.PurgeUnconfirmedAsync(Ct);
        Assert.NotNull(await factory.SubscriberAsync(email));

        factory.Clock.Advance(TimeSpan.FromDays(31));
        await sender.PurgeUnconfirmedAsync(Ct);
        Assert.Null(await factory.SubscriberAsync(email));
    }
}
