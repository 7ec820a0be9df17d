using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;

namespace Samordna.Web.Features.Newsletter;

/// <summary>The two lists every installation starts with; editors' own changes to their names are kept.</summary>
public sealed class NewsletterListsSeeder(AppDbContext db) : IDefaultContentSeeder
{
    public static readonly (string Slug, string Name, string Description)[] Defaults =
    [
        ("nyhetsbrev", "Nyhetsbrev", "Nyheter från förbundet och våra insatser, några gånger per termin."),
        ("webbinarier", "Inbjudningar till webbinarier", "Inbjudningar till webbinarier, frukostmöten och andra evenemang."),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var existing = await db.Set<NewsletterList>().Select(l => l.Slug).ToListAsync(cancellationToken);
        var order = 0;
        foreach (var (slug, name, description) in Defaults)
        {
            order += 10;
            if (!existing.Contains(slug))
            {
                db.Add(new NewsletterList { Slug = slug, Name = name, Description = description, SortOrder = order });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Demo content: a few confirmed subscribers, one waiting for confirmation, and one sent issue in the archive.</summary>
public sealed class NewsletterDemoSeeder(AppDbContext db, TimeProvider time, CampaignRenderer renderer) : IDemoSeeder
{
    public int Order => 40;

    public const string DemoSubject = "Nyhetsbrev november: tre webbinarier, UVAS-kartläggningen och Hoppet på nätet";

    public const string DemoBody = """
        Hej!

        Här kommer höstens sista nyhetsbrev från förbundet, med tre webbinarier i november och nyheter från våra insatser.

        ## Kommande webbinarier

        - **9 november kl. 9–10:** Arbetsförmedlingen utvecklar sina digitala lösningar – ”Hur vet vi behovet utan användaren?” Anmäl dig senast den 2 november.
        - **17 november kl. 9–10:** ”Mitt hjärtas syster” – kvinnors upplevelser av krig, tortyr och flykt. Röda korset berättar om sitt arbete. Anmäl dig senast den 11 november.
        - **30 november kl. 9–10:** Steg mot försörjning – samverkan i Sigtuna med individen i centrum. Anmäl dig senast den 24 november.

        Har du förslag på ämnen som du vill att vi tar upp på webbinarierna? Hör av dig till förbundet!

        ## Nu kartläggs unga som varken arbetar eller studerar

        Under hösten inleder förbundet ett samarbete med Myndigheten för ungdoms- och civilsamhällsfrågor (MUCF) om unga som varken arbetar eller studerar (UVAS). Arbetet börjar med tre workshoppar för chefer hos medlemsparterna. Där kartlägger vi läget i kommunerna, vilka insatser som redan finns och vad som saknas, så att alla aktörer kan vara med och ta fram en gemensam handlingsplan.

        ## Hoppet finns kvar på nätet

        När pandemin stängde mötesplatsen Hoppet flyttade delar av verksamheten till nätet, på deltagarnas eget förslag. Det visade sig nå unga som ännu inte var redo att ta sig till mötesplatsen och gav den som är socialt isolerad ett sätt att komma in i gemenskapen på egna villkor. I dag används den digitala mötesplatsen mest för Hoppets inflytanderåd och för samhällsvägledning.

        Läs mer [om förbundet](/om).
        """;

    private static readonly (string Email, string? Name, bool Webinars)[] People =
    [
        ("anna.lindqvist@example.se", "Anna Lindqvist", true),
        ("mikael.berg@example.se", "Mikael Berg", false),
        ("sara.nyberg@example.se", null, true),
        ("johan.ek@example.se", "Johan Ek", false),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var lists = await db.Set<NewsletterList>().OrderBy(l => l.SortOrder).ToListAsync(cancellationToken);
        if (lists.Count == 0 || await db.Set<Campaign>().AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        // Sent before the webinars it announces (the demo news tells of the same webinars, autumn 2022).
        var sentAt = new DateTimeOffset(2022, 10, 24, 7, 30, 0, TimeSpan.Zero);
        var subscribers = new List<Subscriber>();
        foreach (var (email, name, webinars) in People)
        {
            var id = Guid.CreateVersion7(sentAt.AddDays(-30));
            var subscriber = new Subscriber
            {
                Id = id,
                Email = email,
                NormalizedEmail = email,
                Name = name,
                Status = SubscriberStatus.Confirmed,
                ConsentVersion = NewsletterConsent.Version,
                ConsentAt = sentAt.AddDays(-30),
                ConsentSource = NewsletterConsent.WebForm,
                CreatedAt = sentAt.AddDays(-30),
                ConfirmedAt = sentAt.AddDays(-30).AddMinutes(4),
                Subscriptions = [new Subscription { SubscriberId = id, ListId = lists[0].Id }],
            };
            if (webinars && lists.Count > 1)
            {
                subscriber.Subscriptions.Add(new Subscription { SubscriberId = id, ListId = lists[1].Id });
            }
            subscribers.Add(subscriber);
        }
        var pendingId = Guid.CreateVersion7(now.AddDays(-1));
        subscribers.Add(new Subscriber
        {
            Id = pendingId,
            Email = "lina.holm@example.se",
            NormalizedEmail = "lina.holm@example.se",
            Status = SubscriberStatus.Pending,
            ConsentVersion = NewsletterConsent.Version,
            ConsentAt = now.AddDays(-1),
            ConsentSource = NewsletterConsent.WebForm,
            CreatedAt = now.AddDays(-1),
            Subscriptions = [new Subscription { SubscriberId = pendingId, ListId = lists[0].Id }],
        });
        db.AddRange(subscribers);

        var campaign = new Campaign
        {
            Subject = DemoSubject,
            Preheader = "Webbinarier 9, 17 och 30 november – anmäl dig nu.",
            Body = DemoBody,
            Status = CampaignStatus.Sent,
            CreatedAt = sentAt.AddDays(-2),
            UpdatedAt = sentAt.AddDays(-1),
            UpdatedByName = "Redaktionen",
            ScheduledAt = sentAt,
            StartedAt = sentAt,
            FinishedAt = sentAt.AddMinutes(1),
            BaseUrl = "http://localhost:5080",
            Lists = [new CampaignList { ListId = lists[0].Id }],
        };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        var rendered = renderer.Render(campaign, [], [lists[0].Name], campaign.BaseUrl);
        campaign.HtmlBody = rendered.Html;
        campaign.TextBody = rendered.Text;
        campaign.WebBody = rendered.Web;
        var recipients = subscribers.Where(s => s.Status == SubscriberStatus.Confirmed).ToList();
        campaign.RecipientCount = recipients.Count;
        db.AddRange(recipients.Select(s => new CampaignDelivery
        {
            Id = Guid.CreateVersion7(sentAt),
            CampaignId = campaign.Id,
            SubscriberId = s.Id,
            Status = DeliveryStatus.Sent,
            Attempts = 1,
            NextAttemptAt = sentAt,
            SentAt = sentAt.AddSeconds(20),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
