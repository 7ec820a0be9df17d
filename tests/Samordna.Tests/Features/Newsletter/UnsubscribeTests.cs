using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Newsletter;

namespace Samordna.Tests.Features.Newsletter;

public sealed class UnsubscribeTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CampaignMail> ReceiveCampaignAsync(string email, string subject)
    {
        await factory.ScheduleCampaignAsync(subject);
        await factory.SendCampaignsAsync();
        return Assert.Single(factory.CampaignMailsTo(email, subject));
    }

    private static string Subject() => "Utskick " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Every_campaign_email_carries_an_unsubscribe_link_and_one_click_headers()
    {
        var email = NewsletterTestHelpers.UniqueAddress("anna");
        await factory.SignUpAndConfirmAsync(email);

        var mail = await ReceiveCampaignAsync(email, Subject());

        var header = mail.Eml.Header("List-Unsubscribe")!;
        Assert.Matches("^<https://samordna\\.example\\.se/nyhetsbrev/avsluta/direkt\\?t=[A-Za-z0-9_-]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Eml.Header("List-Unsubscribe-Post"));
        Assert.StartsWith("/nyhetsbrev/avsluta?t=", mail.LinkTo("/nyhetsbrev/avsluta"), StringComparison.Ordinal);
        Assert.StartsWith("/nyhetsbrev/installningar?t=", mail.LinkTo("/nyhetsbrev/installningar"), StringComparison.Ordinal);
        Assert.Contains("https://samordna.example.se/nyhetsbrev/avsluta?t=", mail.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://samordna.example.se/om\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(CampaignRenderer.UnsubscribePlaceholder, mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_cookies_antiforgery_or_session()
    {
        var email = NewsletterTestHelpers.UniqueAddress("bertil");
        await factory.SignUpAndConfirmAsync(email);
        var mail = await ReceiveCampaignAsync(email, Subject());
        var target = new Uri(mail.Eml.Header("List-Unsubscribe")!.Trim('<', '>'));

        // What a mail program does (RFC 8058): a bare POST, no cookies, no token but the one in the address.
        var bare = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await bare.PostAsync(new Uri(target.PathAndQuery, UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);
        var next = Subject();
        await factory.ScheduleCampaignAsync(next);
        await factory.SendCampaignsAsync();
        Assert.Empty(factory.CampaignMailsTo(email, next));

        // Posting again (a mail program retrying) is harmless.
        using var again = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, (await bare.PostAsync(new Uri(target.PathAndQuery, UriKind.Relative), again, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?t=inte-en-token")]
    public async Task One_click_with_a_forged_or_missing_token_is_refused(string query)
    {
        var bare = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await bare.PostAsync(new Uri(NewsletterModule.OneClickPath + query, UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_first_and_leaves_on_the_button()
    {
        var email = NewsletterTestHelpers.UniqueAddress("cissi");
        await factory.SignUpAndConfirmAsync(email);
        var link = (await ReceiveCampaignAsync(email, Subject())).LinkTo("/nyhetsbrev/avsluta");

        var opened = await factory.CreateBrowserClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);

        var left = await factory.CreateBrowserClient().SubmitFormAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("Du prenumererar inte längre", await left.ReadBodyAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);
    }

    [Fact]
    public async Task Someone_who_unsubscribes_mid_campaign_and_was_not_yet_sent_gets_nothing()
    {
        var stays = NewsletterTestHelpers.UniqueAddress("david");
        var leaves = NewsletterTestHelpers.UniqueAddress("eva");
        await factory.SignUpAndConfirmAsync(stays);
        await factory.SignUpAndConfirmAsync(leaves);
        var subject = Subject();
        var campaignId = await factory.ScheduleCampaignAsync(subject);
        var sender = factory.Services.GetRequiredService<CampaignSender>();
        await sender.StartDueAsync(Ct);
        var leaver = (await factory.SubscriberAsync(leaves))!;
        Assert.True(await factory.WithDbAsync(db => db.Set<CampaignDelivery>().AnyAsync(d => d.CampaignId == campaignId && d.SubscriberId == leaver.Id, Ct)));

        var token = factory.Services.GetRequiredService<NewsletterTokens>().ForManagement(leaver.Id);
        var bare = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, (await bare.PostAsync(new Uri($"{NewsletterModule.OneClickPath}?t={token}", UriKind.Relative), body, Ct)).StatusCode);
        await factory.SendCampaignsAsync();

        Assert.Single(factory.CampaignMailsTo(stays, subject));
        Assert.Empty(factory.CampaignMailsTo(leaves, subject));
        var delivery = await factory.WithDbAsync(db => db.Set<CampaignDelivery>().SingleAsync(d => d.CampaignId == campaignId && d.SubscriberId == leaver.Id, Ct));
        Assert.Equal(DeliveryStatus.Skipped, delivery.Status);
        Assert.Equal(CampaignStatus.Sent, await factory.CampaignStatusAsync(campaignId));
    }

    [Fact]
    public async Task The_preferences_page_changes_lists_exports_and_erases_the_subscriber()
    {
        var email = NewsletterTestHelpers.UniqueAddress("fredrik");
        await factory.SignUpAndConfirmAsync(email, "nyhetsbrev");
        var subject = Subject();
        var link = (await ReceiveCampaignAsync(email, subject)).LinkTo("/nyhetsbrev/installningar");
        var lists = await factory.ListsAsync();
        var client = factory.CreateBrowserClient();

        var document = await client.GetDocumentAsync(link);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form.page-form")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "ListIds").ToList();
        fields.Add(new("ListIds", lists.Single(l => l.Slug == "webbinarier").Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var content = new FormUrlEncodedContent(fields))
        {
            var saved = await client.PostAsync(new Uri(link, UriKind.Relative), content, Ct);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var subscriber = (await factory.SubscriberAsync(email))!;
        Assert.Equal([lists.Single(l => l.Slug == "webbinarier").Id], subscriber.Subscriptions.Select(s => s.ListId));

        var json = await client.GetAsync(new Uri(link + "&handler=export&format=json", UriKind.Relative), Ct);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using (var export = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal(email, export.RootElement.GetProperty("email").GetString());
            Assert.Equal(NewsletterConsent.Version, export.RootElement.GetProperty("consentVersion").GetString());
            Assert.Equal(subject, export.RootElement.GetProperty("receivedCampaigns")[0].GetProperty("subject").GetString());
        }
        var csv = await client.GetAsync(new Uri(link + "&handler=export&format=csv", UriKind.Relative), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(email, await csv.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var erased = await client.SubmitFormAsync(link, [], formSelector: $"main form[action*='handler=delete']");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Null(await factory.SubscriberAsync(email));
        var gone = await factory.CreateBrowserClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_forged_preferences_link_shows_nothing()
    {
        var response = await factory.CreateBrowserClient().GetAsync(new Uri("/nyhetsbrev/installningar?t=abc", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Länken fungerar inte", await response.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copies_written_by_the_file_transport_are_deleted_after_the_retention_period()
    {
        var email = NewsletterTestHelpers.UniqueAddress("gammal");
        await factory.SignUpAndConfirmAsync(email);
        var mail = await ReceiveCampaignAsync(email, Subject());
        var sender = factory.Services.GetRequiredService<CampaignSender>();

        await sender.PurgeOldCopiesAsync(Ct);
        Assert.True(File.Exists(mail.Path));

        factory.Clock.Advance(TimeSpan.FromDays(91));
        try
        {
            Assert.True(await sender.PurgeOldCopiesAsync(Ct) >= 1);
            Assert.False(File.Exists(mail.Path));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-91));
        }
    }
}
