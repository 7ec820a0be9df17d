using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Platform.Email;

public sealed class MailViewerTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<OutboxEmail> SendAsync(string to, string subject, string paragraph = "Hej!")
    {
        var content = EmailTemplate.Render("Samordningsförbundet", subject, [paragraph], "Öppna", "https://samordna.example.se/oppna");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage(to, subject, content.Html, content.Text));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }
        return Assert.Single(await factory.SentMailsToAsync(to), m => m.Subject == subject);
    }

    private async Task<OutboxEmail> AddFailedAsync(string to)
    {
        var now = factory.Clock.GetUtcNow();
        var mail = new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            IdempotencyKey = "test:failed:" + Guid.NewGuid(),
            To = to,
            Subject = "Inbjudan till mötesplatsen",
            HtmlBody = "<p>Välkommen!</p>",
            TextBody = "Välkommen!",
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxEmailStatus.Failed,
            Attempts = 8,
            LastError = "SmtpException: 421 Tjänsten är inte tillgänglig",
        };
        await factory.WithDbAsync(async db =>
        {
            db.Add(mail);
            await db.SaveChangesAsync(Ct);
        });
        return mail;
    }

    [Theory]
    [InlineData("/admin/e-post")]
    [InlineData("/admin/e-post/0195b4b2-6a4e-7c3a-9d1e-2f3a4b5c6d7e")]
    [InlineData("/admin/e-post/0195b4b2-6a4e-7c3a-9d1e-2f3a4b5c6d7e/html")]
    [InlineData("/admin/e-post/0195b4b2-6a4e-7c3a-9d1e-2f3a4b5c6d7e/eml")]
    public async Task Anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        var client = factory.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_may_not_read_the_mail()
    {
        var mail = await SendAsync($"personal-{Guid.NewGuid():N}@example.se", "Hemligt");
        var client = await factory.SignInAsStaffAsync();

        foreach (var path in new[] { "/admin/e-post", $"/admin/e-post/{mail.Id}", $"/admin/e-post/{mail.Id}/html", $"/admin/e-post/{mail.Id}/eml" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            var final = response;
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // The cookie handler sends a signed-in user without access to the access-denied page, which answers 403.
                Assert.Equal("/konto/nekad", response.Headers.Location!.AbsolutePath);
                final = await client.GetAsync(response.Headers.Location, Ct);
            }
            Assert.Equal(HttpStatusCode.Forbidden, final.StatusCode);
            Assert.DoesNotContain("Hemligt", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.DoesNotContain("Hemligt", await final.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Administrator_sees_the_messages_newest_first_and_can_filter_by_recipient()
    {
        var anna = $"anna-{Guid.NewGuid():N}@example.se";
        var bo = $"bo-{Guid.NewGuid():N}@example.se";
        await SendAsync(anna, "Första brevet till Anna");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(bo, "Brev till Bo");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(anna, "Andra brevet till Anna");
        var client = await factory.SignInAsAdministratorAsync();

        var list = await client.GetDocumentAsync("/admin/e-post");
        var subjects = list.QuerySelectorAll("table tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        Assert.True(subjects.IndexOf("Andra brevet till Anna") < subjects.IndexOf("Brev till Bo"));
        Assert.True(subjects.IndexOf("Brev till Bo") < subjects.IndexOf("Första brevet till Anna"));
        Assert.Contains("Skickat", list.QuerySelector("table tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("table caption"));

        var filtered = await client.GetDocumentAsync("/admin/e-post?mottagare=" + Uri.EscapeDataString(anna.ToUpperInvariant()));
        var rows = filtered.QuerySelectorAll("table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Contains(anna, r.TextContent, StringComparison.Ordinal));
        Assert.Equal(anna.ToUpperInvariant(), ((IHtmlInputElement)filtered.QuerySelector("#mottagare")!).Value);
    }

    [Fact]
    public async Task Unknown_status_filter_is_a_400_with_a_Swedish_message()
    {
        var client = await factory.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(new Uri("/admin/e-post?status=Borttappad&mottagare=anna", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Forms.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Välj en status i listan.", document.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#status")!.GetAttribute("aria-invalid"));
        Assert.Equal("anna", ((IHtmlInputElement)document.QuerySelector("#mottagare")!).Value);
    }

    [Fact]
    public async Task Details_show_headers_and_text_and_frame_the_html_part_under_a_strict_policy()
    {
        var to = $"cecilia-{Guid.NewGuid():N}@example.se";
        var mail = await SendAsync(to, "Välkommen till förbundet", "Här är <script>alert(1)</script> din inbjudan.");
        var client = await factory.SignInAsAdministratorAsync();

        var details = await client.GetDocumentAsync($"/admin/e-post/{mail.Id}");
        Assert.Equal("Välkommen till förbundet", details.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(to, details.QuerySelector(".mail-headers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(factory.Services.GetRequiredService<EmlWriter>().MessageIdFor(mail.IdempotencyKey),
            details.QuerySelector(".mail-headers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Här är <script>alert(1)</script> din inbjudan.", details.QuerySelector("pre.mail-text")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(details.QuerySelectorAll("main script"));
        var frame = details.QuerySelector("iframe")!;
        Assert.True(frame.HasAttribute("sandbox"));
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Equal($"/admin/e-post/{mail.Id}/html", frame.GetAttribute("src"));
        Assert.False(string.IsNullOrEmpty(frame.GetAttribute("title")));

        using var html = await client.GetAsync(new Uri($"/admin/e-post/{mail.Id}/html", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
            Assert.Single(html.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(html.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(mail.HtmlBody, await html.Content.ReadAsStringAsync(Ct));

        var audited = await factory.WithDbAsync(db => Task.FromResult(db.Set<AuditEntry>()
            .Count(a => a.Action == AuditActions.PersonalDataRead && a.SubjectId == mail.Id.ToString())));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Administrator_can_download_the_eml_file()
    {
        var to = $"david-{Guid.NewGuid():N}@example.se";
        var mail = await SendAsync(to, "Kallelse till styrelsemöte");
        var client = await factory.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(new Uri($"/admin/e-post/{mail.Id}/eml", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(await File.ReadAllBytesAsync(factory.MailFilePath(mail), Ct), bytes);
        Assert.Equal("Kallelse till styrelsemöte", EmlFile.Parse(bytes).Header("Subject"));
    }

    [Fact]
    public async Task Unknown_message_is_a_404()
    {
        var client = await factory.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(new Uri($"/admin/e-post/{Guid.NewGuid()}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_can_retry_a_failed_message()
    {
        var to = $"erik-{Guid.NewGuid():N}@example.se";
        var mail = await AddFailedAsync(to);
        var client = await factory.SignInAsAdministratorAsync();
        var details = await client.GetDocumentAsync($"/admin/e-post/{mail.Id}");
        Assert.Contains("421 Tjänsten är inte tillgänglig", details.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);

        using var response = await client.SubmitFormAsync(details, $"/admin/e-post/{mail.Id}", [], "form[action$='/retry']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/e-post/{mail.Id}", response.Headers.Location!.OriginalString);
        var sent = Assert.Single(await factory.SentMailsToAsync(to));
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.True(File.Exists(factory.MailFilePath(sent)));
        var after = await client.GetDocumentAsync($"/admin/e-post/{mail.Id}");
        Assert.Null(after.QuerySelector("form[action$='/retry']"));
        var audited = await factory.WithDbAsync(db => Task.FromResult(db.Set<AuditEntry>()
            .Count(a => a.Action == Samordna.Web.Features.Admin.Mail.DetailsModel.RetriedAction && a.SubjectId == mail.Id.ToString())));
        Assert.Equal(1, audited);
        var log = await client.GetDocumentAsync("/admin/logg");
        Assert.Contains("Misslyckad e-post köad för nya försök", log.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_a_message_that_has_not_failed_is_refused()
    {
        var to = $"fia-{Guid.NewGuid():N}@example.se";
        var failed = await AddFailedAsync(to);
        var client = await factory.SignInAsAdministratorAsync();
        var stale = await client.GetDocumentAsync($"/admin/e-post/{failed.Id}");
        // Meanwhile it is retried and sent (e.g. by another administrator).
        await client.SubmitFormAsync(stale, $"/admin/e-post/{failed.Id}", [], "form[action$='/retry']");
        await factory.DispatchMailAsync();

        using var response = await client.SubmitFormAsync(stale, $"/admin/e-post/{failed.Id}", [], "form[action$='/retry']");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Bara ett meddelande som har misslyckats", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await factory.SentMailsToAsync(to));
    }
}
