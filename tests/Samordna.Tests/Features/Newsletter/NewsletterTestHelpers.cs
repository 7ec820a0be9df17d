using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Tests.Platform.Email;
using Samordna.Web.Features.Newsletter;

namespace Samordna.Tests.Features.Newsletter;

/// <summary>The application with campaigns sent only when a test asks (no background sender, no rate limit).</summary>
public class NewsletterFactory : SamordnaFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Newsletter:BackgroundSending", "false"),
        new("Newsletter:MessagesPerSecond", "0"),
        new("Newsletter:PublicBaseUrl", "https://samordna.example.se"),
    ];
}

/// <summary>A campaign e-mail as the File transport wrote it.</summary>
public sealed record CampaignMail(string Path, EmlFile Eml)
{
    public string Subject => Eml.Header("Subject") ?? "";

    public string Text => Eml.Parts().First(p => p.MediaType == "text/plain").DecodedBody();

    public string Html => Eml.Parts().First(p => p.MediaType == "text/html").DecodedBody();

    /// <summary>Path and query of the first link in the text part to <paramref name="pathPrefix"/>.</summary>
    public string LinkTo(string pathPrefix)
    {
        var match = System.Text.RegularExpressions.Regex.Matches(Text, @"https?://[^\s<>""]+")
            .Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath.Equals(pathPrefix, StringComparison.OrdinalIgnoreCase));
        return match?.PathAndQuery ?? throw new InvalidOperationException($"No link to {pathPrefix} in \"{Subject}\":\n{Text}");
    }
}

public static class NewsletterTestHelpers
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueAddress(string name) => $"{name}.{Guid.NewGuid().ToString("N")[..10]}@example.se";

    /// <summary>Fills in the sign-up form as a visitor would and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignUpAsync(this SamordnaFactory factory, string email, string? name = null, params string[] listSlugs)
    {
        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/nyhetsbrev");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "Input.ListIds").ToList();
        fields.RemoveAll(f => f.Key is "Input.Email" or "Input.Name");
        fields.Add(new("Input.Email", email));
        fields.Add(new("Input.Name", name ?? ""));
        var lists = await factory.ListsAsync();
        foreach (var slug in listSlugs.Length == 0 ? ["nyhetsbrev"] : listSlugs)
        {
            fields.Add(new("Input.ListIds", lists.Single(l => l.Slug == slug).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/nyhetsbrev", UriKind.Relative), content, Ct);
    }

    public static Task<List<NewsletterList>> ListsAsync(this SamordnaFactory factory) =>
        factory.WithDbAsync(db => db.Set<NewsletterList>().AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(Ct));

    public static Task<Subscriber?> SubscriberAsync(this SamordnaFactory factory, string email)
    {
        var normalized = email.ToLowerInvariant();
        return factory.WithDbAsync(db => db.Set<Subscriber>().AsNoTracking().Include(s => s.Subscriptions)
            .FirstOrDefaultAsync(s => s.NormalizedEmail == normalized, Ct));
    }

    /// <summary>Signs up and clicks the confirmation link's button; returns the confirmation e-mail's link.</summary>
    public static async Task<string> SignUpAndConfirmAsync(this SamordnaFactory factory, string email, params string[] listSlugs)
    {
        var response = await factory.SignUpAsync(email, null, listSlugs);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await factory.SingleSentMailToAsync(email);
        var link = mail.LinkTo("/nyhetsbrev/bekrafta");
        var confirmed = await factory.CreateBrowserClient().SubmitFormAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return link;
    }

    /// <summary>A campaign scheduled now for the given lists, as if an editor pressed "Skicka nu".</summary>
    public static Task<int> ScheduleCampaignAsync(this SamordnaFactory factory, string subject, params string[] listSlugs) =>
        factory.WithDbAsync(async db =>
        {
            var lists = await db.Set<NewsletterList>().Where(l => (listSlugs.Length == 0 ? new[] { "nyhetsbrev" } : listSlugs).Contains(l.Slug)).ToListAsync(Ct);
            var now = factory.Clock.GetUtcNow();
            var campaign = new Campaign
            {
                Subject = subject,
                Preheader = "Kort om innehållet",
                Body = "Hej!\n\nHär kommer nyheter från förbundet. Läs mer [om oss](/om).",
                Status = CampaignStatus.Scheduled,
                ScheduledAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedByName = "test",
                BaseUrl = "http://localhost",
                Lists = [.. lists.Select(l => new CampaignList { ListId = l.Id })],
            };
            db.Add(campaign);
            await db.SaveChangesAsync(Ct);
            return campaign.Id;
        });

    /// <summary>Starts and sends every due campaign, as the background sender would.</summary>
    public static Task<int> SendCampaignsAsync(this SamordnaFactory factory) =>
        factory.Services.GetRequiredService<CampaignSender>().RunDueAsync(Ct);

    /// <summary>Every campaign e-mail written to <paramref name="address"/> with this subject.</summary>
    public static List<CampaignMail> CampaignMailsTo(this SamordnaFactory factory, string address, string subject)
    {
        var folder = Path.Combine(factory.DataDirectory, "mail");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.GetFiles(folder, "*.eml")
            .Select(path => new CampaignMail(path, EmlFile.Parse(File.ReadAllBytes(path))))
            .Where(m => string.Equals(m.Eml.Header("To"), address, StringComparison.OrdinalIgnoreCase) && m.Subject == subject)];
    }

    public static Task<CampaignStatus> CampaignStatusAsync(this SamordnaFactory factory, int id) =>
        factory.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct));
}
