using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Features.Newsletter;

public sealed class CampaignTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_writes_previews_tests_and_sends_a_campaign_that_lands_in_the_archive()
    {
        var reader = NewsletterTestHelpers.UniqueAddress("anna");
        await factory.SignUpAndConfirmAsync(reader);
        var editor = await factory.CreateEditorAsync();
        var client = await factory.SignInAsync(editor);
        var subject = "Höstens webbinarier " + Guid.NewGuid().ToString("N")[..6];

        var created = await client.SubmitFormAsync("/redaktion/nyhetsbrev/ny", new()
        {
            ["Input.Subject"] = subject,
            ["Input.Preheader"] = "Tre webbinarier i november",
            ["Input.Body"] = "Hej!\n\n## Kommande webbinarier\n\n- **8 november:** Arbetsförmedlingens digitala lösningar",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;

        var preview = await PostFormToAsync(client, page, page + "/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotNull(Forms.Parse(await preview.ReadBodyAsync()).QuerySelector($"iframe[sandbox][src='{page}/html']"));
        var html = await client.GetAsync(new Uri(page + "/html", UriKind.Relative), Ct);
        Assert.Contains("Kommande webbinarier", await html.ReadBodyAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var tested = await PostFormToAsync(client, page, page + "/test");
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        var test = await factory.SingleSentMailToAsync(editor.Email);
        Assert.Equal("[Provutskick] " + subject, test.Subject);
        Assert.Empty(factory.CampaignMailsTo(reader, subject));

        var sent = await client.SubmitFormAsync(page, [], formSelector: "main form[action$='/sendnow']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await factory.SendCampaignsAsync();

        Assert.Single(factory.CampaignMailsTo(reader, subject));
        var status = JsonDocument.Parse(await client.GetStringAsync(new Uri(page + "/status", UriKind.Relative), Ct)).RootElement;
        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("sent").GetInt32());
        Assert.Equal(0, status.GetProperty("remaining").GetInt32());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());

        var archive = await factory.CreateBrowserClient().GetDocumentAsync("/nyhetsbrev/arkiv");
        var entry = archive.QuerySelectorAll("main a").First(a => a.TextContent == subject);
        var issue = await factory.CreateBrowserClient().GetDocumentAsync(entry.GetAttribute("href")!);
        Assert.Equal(subject, issue.QuerySelector("h1")!.TextContent);
        Assert.Contains("Arbetsförmedlingens digitala lösningar", issue.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("installningar?t=", issue.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    /// <summary>What a button with formaction does: the campaign form's fields, posted to another address.</summary>
    private static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, string page, string target)
    {
        var document = await client.GetDocumentAsync(page);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form.page-form")!;
        using var content = new FormUrlEncodedContent(Forms.FieldsOf(form));
        return await client.PostAsync(new Uri(target, UriKind.Relative), content, Ct);
    }

    [Fact]
    public async Task A_campaign_needs_a_subject_a_body_and_a_list()
    {
        var client = await factory.SignInAsEditorAsync();
        var document = await client.GetDocumentAsync("/redaktion/nyhetsbrev/ny");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form.page-form")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "Input.ListIds").ToList();
        using var content = new FormUrlEncodedContent(fields);

        var response = await client.PostAsync(new Uri("/redaktion/nyhetsbrev/ny", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        Assert.Contains("Skriv en ämnesrad.", html, StringComparison.Ordinal);
        Assert.Contains("Skriv nyhetsbrevets text.", html, StringComparison.Ordinal);
        Assert.Contains("Välj minst en lista att skicka till.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_campaign_waits_for_its_time()
    {
        var reader = NewsletterTestHelpers.UniqueAddress("bo");
        await factory.SignUpAndConfirmAsync(reader);
        var subject = "Schemalagt " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.ScheduleCampaignAsync(subject);
        await factory.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScheduledAt, factory.Clock.GetUtcNow().AddHours(2)), Ct));

        await factory.SendCampaignsAsync();
        Assert.Empty(factory.CampaignMailsTo(reader, subject));
        Assert.Equal(CampaignStatus.Scheduled, await factory.CampaignStatusAsync(id));

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.SendCampaignsAsync();
        Assert.Single(factory.CampaignMailsTo(reader, subject));
        Assert.Equal(CampaignStatus.Sent, await factory.CampaignStatusAsync(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Staff)]
    public async Task Only_editors_reach_the_campaign_pages(string? role)
    {
        var client = role is null ? factory.CreateBrowserClient() : await factory.SignInAsync(await factory.CreateUserAsync(role));

        var response = await client.GetAsync(new Uri("/redaktion/nyhetsbrev", UriKind.Relative), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.Contains("/konto/", response.Headers.Location?.OriginalString ?? "/konto/", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_requires_consent_evidence_previews_and_reports_rejected_rows()
    {
        var client = await factory.SignInAsEditorAsync();
        var good = NewsletterTestHelpers.UniqueAddress("import");
        var csv = $"e-post;namn;listor;samtycke\n{good};Greta Ek;Inbjudningar till webbinarier;Anmälan på frukostmöte 2026-03-12\n" +
                  $"{NewsletterTestHelpers.UniqueAddress("utan")};Utan Samtycke;;\ninte-en-adress;X;;Muntligt\n";
        using var upload = new MultipartFormDataContent();
        var document = await client.GetDocumentAsync("/redaktion/nyhetsbrev/importera");
        upload.Add(new StringContent(document.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        upload.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "lista.csv");

        var planned = await client.PostAsync(new Uri("/redaktion/nyhetsbrev/importera", UriKind.Relative), upload, Ct);
        var planHtml = await planned.ReadBodyAsync();
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Contains("Underlag för samtycke saknas.", planHtml, StringComparison.Ordinal);
        Assert.Contains("Ogiltig e-postadress.", planHtml, StringComparison.Ordinal);
        Assert.Null(await factory.SubscriberAsync(good));

        var imported = await client.SubmitFormAsync(Forms.Parse(planHtml), "/redaktion/nyhetsbrev/importera", [], formSelector: "main section form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var subscriber = await factory.SubscriberAsync(good);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal("Anmälan på frukostmöte 2026-03-12", subscriber.ConsentEvidence);
        Assert.Equal(NewsletterConsent.Import, subscriber.ConsentSource);
    }

    [Fact]
    public async Task Exporting_the_register_is_audited()
    {
        var client = await factory.SignInAsEditorAsync();
        var email = NewsletterTestHelpers.UniqueAddress("export");
        await factory.SignUpAndConfirmAsync(email);

        var response = await client.SubmitFormAsync("/redaktion/nyhetsbrev/prenumeranter", [], formSelector: "main form[method=post]");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(email, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.PersonalDataExported && a.SubjectType == "NewsletterSubscribers", Ct)));
    }
}

public sealed class CampaignBlockTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_campaign_can_carry_the_latest_news_with_links_back_to_the_site()
    {
        var now = factory.Clock.GetUtcNow();
        await factory.WithDbAsync(async db =>
        {
            db.Add(new Samordna.Web.Features.News.NewsArticle
            {
                Title = "Hoppet öppnar digitalt drop in",
                Slug = "hoppet-digitalt-drop-in",
                Ingress = "Unga kan träffa personalen på nätet.",
                Body = "Text",
                PublishedAt = now.AddDays(-1),
                FirstPublishedAt = now.AddDays(-1),
                PublishedYear = now.Year,
                PublishedMonth = now.Month,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync(Ct);
        });
        var reader = NewsletterTestHelpers.UniqueAddress("nyfiken");
        await factory.SignUpAndConfirmAsync(reader);
        var subject = "Med nyheter " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.ScheduleCampaignAsync(subject);
        await factory.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IncludeNews, true), Ct));
        var editor = await factory.SignInAsEditorAsync();
        Assert.Contains("Lägg till de senaste nyheterna", await editor.GetStringAsync(new Uri("/redaktion/nyhetsbrev/ny", UriKind.Relative), Ct), StringComparison.Ordinal);

        await factory.SendCampaignsAsync();

        var mail = Assert.Single(factory.CampaignMailsTo(reader, subject));
        Assert.Contains("Senaste nyheterna", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hoppet öppnar digitalt drop in", mail.Html, StringComparison.Ordinal);
        Assert.Matches("href=\"https://samordna\\.example\\.se/nyheter/[0-9]{4}/[0-9]{2}/hoppet-digitalt-drop-in\"", mail.Html);
        var archive = await factory.CreateBrowserClient().GetStringAsync(new Uri($"/nyhetsbrev/arkiv/{id}", UriKind.Relative), Ct);
        Assert.Contains("Hoppet öppnar digitalt drop in", archive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_can_carry_the_upcoming_public_events()
    {
        await factory.WithServicesAsync(async services =>
        {
            var seeder = services.GetServices<Samordna.Web.Platform.Demo.IDemoSeeder>().OfType<Samordna.Web.Features.Events.EventsDemoSeeder>().Single();
            await seeder.SeedAsync(services, Ct);
            return 0;
        });
        var upcoming = await factory.WithServicesAsync(services => services.GetRequiredService<Samordna.Web.Features.Events.EventQueries>()
            .UpcomingAsync(factory.Clock.GetUtcNow(), signedIn: false, 3, Ct));
        Assert.NotEmpty(upcoming);
        var reader = NewsletterTestHelpers.UniqueAddress("evenemang");
        await factory.SignUpAndConfirmAsync(reader);
        var subject = "Med evenemang " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.ScheduleCampaignAsync(subject);
        await factory.WithDbAsync(db => db.Set<Campaign>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IncludeEvents, true), Ct));

        await factory.SendCampaignsAsync();

        var mail = Assert.Single(factory.CampaignMailsTo(reader, subject));
        Assert.Contains("Kommande evenemang", mail.Text, StringComparison.Ordinal);
        Assert.Contains(upcoming[0].Title, mail.Html, StringComparison.Ordinal);
        Assert.Contains($"https://samordna.example.se{upcoming[0].Path}", mail.Text, StringComparison.Ordinal);
    }
}
