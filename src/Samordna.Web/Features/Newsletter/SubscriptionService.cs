using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter;

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Invalid,
}

/// <summary>
/// Signing up (double opt-in), confirming, changing lists, leaving, and the subscriber's own export and erasure.
/// Every change that mails someone enqueues the message in the same SaveChanges.
/// </summary>
public sealed class SubscriptionService(AppDbContext db, IEmailOutbox outbox, NewsletterTokens tokens, TimeProvider time,
    IOptions<SiteInfo> site, IOptions<NewsletterOptions> options)
{
    /// <summary>At most one confirmation or "already subscribed" e-mail per address in this time, whoever asks.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMinutes(10);

    private DbSet<Subscriber> Subscribers => db.Set<Subscriber>();

    public Task<List<NewsletterList>> ListsAsync(CancellationToken cancellationToken) =>
        db.Set<NewsletterList>().AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync(cancellationToken);

    public Task<Subscriber?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Subscribers.Include(s => s.Subscriptions).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>
    /// Records a sign-up and mails a confirmation link; an address that is already confirmed gets a note with its
    /// preferences link instead. The caller shows the same message either way.
    /// </summary>
    public async Task SignUpAsync(string email, string? name, IReadOnlyCollection<int> listIds, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listIds);
        var now = time.GetUtcNow();
        var normalized = email.ToLowerInvariant();
        var known = await db.Set<NewsletterList>().Where(l => listIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var subscriber = await Subscribers.Include(s => s.Subscriptions).FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        var mayMail = subscriber?.LastNoticeAt is not { } last || now - last >= NoticeInterval;
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Id = Guid.CreateVersion7(now),
                Email = email,
                NormalizedEmail = normalized,
                CreatedAt = now,
            };
            Subscribers.Add(subscriber);
        }
        else if (subscriber.Status == SubscriberStatus.Confirmed)
        {
            if (mayMail)
            {
                subscriber.LastNoticeAt = now;
                EnqueueAlreadySubscribed(subscriber, baseUrl);
                await db.SaveChangesAsync(cancellationToken);
            }
            return;
        }
        subscriber.Status = SubscriberStatus.Pending;
        subscriber.Email = email;
        subscriber.Name = string.IsNullOrWhiteSpace(name) ? subscriber.Name : name.Trim();
        subscriber.ConsentVersion = NewsletterConsent.Version;
        subscriber.ConsentAt = now;
        subscriber.ConsentSource = NewsletterConsent.WebForm;
        subscriber.ConsentEvidence = null;
        subscriber.Subscriptions.Clear();
        subscriber.Subscriptions.AddRange(known.Select(id => new Subscription { SubscriberId = subscriber.Id, ListId = id }));
        if (mayMail)
        {
            subscriber.LastNoticeAt = now;
            await EnqueueConfirmationAsync(subscriber, known, baseUrl, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same new address was signed up twice at once; the other request recorded it and mailed the link.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<ConfirmOutcome> ConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var subscriber = await Subscribers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        switch (subscriber?.Status)
        {
            case SubscriberStatus.Pending:
                subscriber.Status = SubscriberStatus.Confirmed;
                subscriber.ConfirmedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                return ConfirmOutcome.Confirmed;
            case SubscriberStatus.Confirmed:
                return ConfirmOutcome.AlreadyConfirmed;
            default:
                // Erased, or left after the link was sent: an old link must not sign the address up again.
                return ConfirmOutcome.Invalid;
        }
    }

    /// <summary>
    /// Leaves every list. Copies of a campaign that have not gone out yet are skipped at once, and the sender checks
    /// again as it claims each copy. Returns false when there is no such subscriber (e.g. erased).
    /// </summary>
    public async Task<bool> UnsubscribeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await Subscribers
            .Where(s => s.Id == id && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubscriberStatus.Unsubscribed)
                .SetProperty(x => x.UnsubscribedAt, now), cancellationToken);
        await SkipPendingAsync(id, cancellationToken);
        return changed > 0 || await Subscribers.AnyAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>
    /// Saves the lists chosen on the preferences page (reached through a signed link, which proves the address):
    /// no list left means unsubscribed; choosing lists again subscribes again without another confirmation.
    /// </summary>
    public async Task UpdateAsync(Subscriber subscriber, string? name, IReadOnlyCollection<int> listIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(listIds);
        var now = time.GetUtcNow();
        var known = await db.Set<NewsletterList>().Where(l => listIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        subscriber.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        subscriber.Subscriptions.RemoveAll(s => !known.Contains(s.ListId));
        foreach (var id in known.Where(id => subscriber.Subscriptions.All(s => s.ListId != id)))
        {
            subscriber.Subscriptions.Add(new Subscription { SubscriberId = subscriber.Id, ListId = id });
        }
        if (known.Count == 0)
        {
            if (subscriber.Status != SubscriberStatus.Unsubscribed)
            {
                subscriber.Status = SubscriberStatus.Unsubscribed;
                subscriber.UnsubscribedAt = now;
            }
        }
        else if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            subscriber.Status = SubscriberStatus.Confirmed;
            subscriber.ConfirmedAt = now;
            subscriber.UnsubscribedAt = null;
            subscriber.BouncedAt = null;
            subscriber.BounceReason = null;
            subscriber.ConsentVersion = NewsletterConsent.Version;
            subscriber.ConsentAt = now;
            subscriber.ConsentSource = NewsletterConsent.PreferencesPage;
            subscriber.ConsentEvidence = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            await SkipPendingAsync(subscriber.Id, cancellationToken);
        }
    }

    /// <summary>Erases the subscriber: the row and its choices go; sent campaigns keep only an anonymous count.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await SkipPendingAsync(id, cancellationToken);
        await db.Set<CampaignDelivery>().Where(d => d.SubscriberId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SubscriberId, (Guid?)null), cancellationToken);
        await db.Set<Subscription>().Where(s => s.SubscriberId == id).ExecuteDeleteAsync(cancellationToken);
        await Subscribers.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> SkipPendingAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<CampaignDelivery>()
            .Where(d => d.SubscriberId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);

    /// <summary>Everything stored about the subscriber, for their own download.</summary>
    public async Task<SubscriberExport> ExportAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var lists = await db.Set<Subscription>().Where(s => s.SubscriberId == subscriber.Id)
            .Select(s => s.List!.Name).ToListAsync(cancellationToken);
        var received = await db.Set<CampaignDelivery>()
            .Where(d => d.SubscriberId == subscriber.Id && d.Status == DeliveryStatus.Sent)
            .Select(d => new { d.Campaign!.Subject, d.SentAt })
            .ToListAsync(cancellationToken);
        return new SubscriberExport(
            subscriber.Email, subscriber.Name, StatusName(subscriber.Status), lists,
            subscriber.ConsentVersion, subscriber.ConsentAt, subscriber.ConsentSource, subscriber.ConsentEvidence,
            subscriber.CreatedAt, subscriber.ConfirmedAt, subscriber.UnsubscribedAt, subscriber.BouncedAt,
            [.. received.OrderBy(r => r.SentAt).Select(r => new ReceivedCampaign(r.Subject, r.SentAt))]);
    }

    public static string StatusName(SubscriberStatus status) => status switch
    {
        SubscriberStatus.Pending => "Väntar på bekräftelse",
        SubscriberStatus.Confirmed => "Prenumererar",
        SubscriberStatus.Unsubscribed => "Avslutad",
        SubscriberStatus.Bounced => "Adressen fungerar inte",
        _ => status.ToString(),
    };

    /// <summary>The signed links of one subscriber, absolute.</summary>
    public SubscriberLinks LinksFor(Guid subscriberId, string baseUrl)
    {
        var token = tokens.ForManagement(subscriberId);
        var root = baseUrl.TrimEnd('/');
        return new SubscriberLinks(
            $"{root}/nyhetsbrev/installningar?t={token}",
            $"{root}/nyhetsbrev/avsluta?t={token}",
            $"{root}/nyhetsbrev/avsluta/direkt?t={token}");
    }

    private async Task EnqueueConfirmationAsync(Subscriber subscriber, List<int> listIds, string baseUrl, CancellationToken cancellationToken)
    {
        var names = await db.Set<NewsletterList>().Where(l => listIds.Contains(l.Id)).OrderBy(l => l.SortOrder)
            .Select(l => l.Name).ToListAsync(cancellationToken);
        var association = site.Value.Name;
        var link = $"{baseUrl.TrimEnd('/')}/nyhetsbrev/bekrafta?t={tokens.ForConfirmation(subscriber.Id)}";
        var content = EmailTemplate.Render(association, "Bekräfta din prenumeration",
            [
                $"Någon, förhoppningsvis du, har anmält den här adressen till {string.Join(" och ", names)} från {association}.",
                "Klicka på knappen för att bekräfta. Först då får du några utskick.",
                $"Har du inte anmält dig? Då kan du strunta i det här meddelandet. Du får inga utskick, och adressen tas bort efter {options.Value.UnconfirmedDays.ToString(CultureInfo.InvariantCulture)} dagar.",
            ],
            "Bekräfta prenumerationen", link,
            "Länken gäller i sju dagar. Vi sprider inte dina uppgifter vidare till andra.");
        outbox.Enqueue(new EmailMessage(subscriber.Email, $"Bekräfta din prenumeration hos {association}", content.Html, content.Text));
    }

    private void EnqueueAlreadySubscribed(Subscriber subscriber, string baseUrl)
    {
        var association = site.Value.Name;
        var links = LinksFor(subscriber.Id, baseUrl);
        var content = EmailTemplate.Render(association, "Du prenumererar redan",
            [
                $"Någon, förhoppningsvis du, försökte just anmäla den här adressen till utskick från {association}. Adressen prenumererar redan, så ingenting har ändrats.",
                "Vill du välja andra utskick, ladda ner dina uppgifter eller avsluta prenumerationen? Det gör du på din inställningssida.",
            ],
            "Öppna dina inställningar", links.Preferences,
            "Har du inte försökt anmäla dig? Då kan du strunta i det här meddelandet.");
        outbox.Enqueue(new EmailMessage(subscriber.Email, $"Du prenumererar redan på utskick från {association}", content.Html, content.Text,
            Headers: ListHeaders(links)));
    }

    /// <summary>RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that posts to the one-click address.</summary>
    public static Dictionary<string, string> ListHeaders(SubscriberLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{links.OneClick}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
    }
}

public sealed record SubscriberLinks(string Preferences, string Unsubscribe, string OneClick);

public sealed record ReceivedCampaign(string Subject, DateTimeOffset? SentAt);

/// <summary>What a subscriber downloads about themselves.</summary>
public sealed record SubscriberExport(
    string Email,
    string? Name,
    string Status,
    IReadOnlyList<string> Lists,
    string ConsentVersion,
    DateTimeOffset ConsentAt,
    string ConsentSource,
    string? ConsentEvidence,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? UnsubscribedAt,
    DateTimeOffset? BouncedAt,
    IReadOnlyList<ReceivedCampaign> ReceivedCampaigns)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>One "field;value" row per fact, in Swedish, for a spreadsheet (semicolons, as Swedish Excel expects).</summary>
    public byte[] ToCsv()
    {
        var rows = new List<(string, string)>
        {
            ("E-post", Email),
            ("Namn", Name ?? ""),
            ("Status", Status),
            ("Utskick", string.Join(", ", Lists)),
            ("Samtyckestextens version", ConsentVersion),
            ("Samtycke lämnat", Instant(ConsentAt)),
            ("Samtycke lämnat via", ConsentSource),
            ("Underlag för samtycke", ConsentEvidence ?? ""),
            ("Registrerad", Instant(CreatedAt)),
            ("Bekräftad", Instant(ConfirmedAt)),
            ("Avslutad", Instant(UnsubscribedAt)),
            ("Adressen slutade fungera", Instant(BouncedAt)),
        };
        rows.AddRange(ReceivedCampaigns.Select(c => ("Mottaget utskick", $"{Instant(c.SentAt)} {c.Subject}")));
        var csv = new StringBuilder("Uppgift;Värde\r\n");
        foreach (var (field, value) in rows)
        {
            csv.Append(Csv.Field(field)).Append(';').Append(Csv.Field(value)).Append("\r\n");
        }
        // A byte order mark so Excel reads å, ä and ö as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Instant(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
