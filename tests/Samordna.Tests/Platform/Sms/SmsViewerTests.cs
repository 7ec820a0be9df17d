using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Sms;

namespace Samordna.Tests.Platform.Sms;

public sealed class SmsViewerTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<OutboxSms> SendAsync(string number, string text)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ISmsOutbox>().Enqueue(new SmsMessage(number, text));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }
        return await factory.SingleSentSmsToAsync(number);
    }

    [Fact]
    public async Task The_file_provider_writes_the_message_to_the_data_folder()
    {
        var sms = await SendAsync("+46701112233", "Hej från mötesplatsen! Åäö går bra.");

        var file = await File.ReadAllTextAsync(factory.SmsFilePath(sms), Ct);
        Assert.Contains("To: +46701112233", file, StringComparison.Ordinal);
        Assert.Contains("From: Samordna", file, StringComparison.Ordinal);
        Assert.EndsWith("\n\nHej från mötesplatsen! Åäö går bra.\n", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_reads_every_sms_in_the_message_viewer()
    {
        await SendAsync("+46731234000", "Din inbjudan till HoppetOnline väntar.");
        var admin = await factory.SignInAsAdministratorAsync();

        var html = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/e-post/sms", UriKind.Relative), Ct));
        Assert.Contains("Din inbjudan till HoppetOnline väntar.", html, StringComparison.Ordinal);
        Assert.Contains("073-123 40 00", html, StringComparison.Ordinal);

        var mailTab = await admin.GetStringAsync(new Uri("/admin/e-post", UriKind.Relative), Ct);
        Assert.Contains("href=\"/admin/e-post/sms\"", mailTab, StringComparison.Ordinal);

        var filtered = await admin.GetStringAsync(new Uri("/admin/e-post/sms?mottagare=070-111", UriKind.Relative), Ct);
        Assert.DoesNotContain("Din inbjudan till HoppetOnline väntar.", filtered, StringComparison.Ordinal);

        using var bad = await admin.GetAsync(new Uri("/admin/e-post/sms?mottagare=%3Cscript%3E", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Staff_may_not_read_the_sms()
    {
        var staff = await factory.SignInAsStaffAsync();

        using var response = await staff.GetAsync(new Uri("/admin/e-post/sms", UriKind.Relative), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/konto/nekad"),
            $"Got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_failed_sms_can_be_queued_again_from_the_viewer()
    {
        var now = factory.Clock.GetUtcNow();
        var failed = new OutboxSms
        {
            Id = Guid.CreateVersion7(),
            IdempotencyKey = "test:failed:" + Guid.NewGuid(),
            To = "+46769876543",
            Text = "Ett sms som inte kom fram.",
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxSmsStatus.Failed,
            Attempts = 8,
            LastError = "SmsRejectedException: nej",
        };
        await factory.WithDbAsync(async db =>
        {
            db.Add(failed);
            await db.SaveChangesAsync(Ct);
        });
        var admin = await factory.SignInAsAdministratorAsync();

        using var response = await admin.SubmitFormAsync("/admin/e-post/sms?mottagare=076-987", [], formSelector: "form[action*='retry']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(await factory.OutboxSmsToAsync("+46769876543"));
        Assert.NotEqual(OutboxSmsStatus.Failed, sent.Status);
        Assert.Equal(OutboxSmsStatus.Sent, (await factory.SingleSentSmsToAsync("+46769876543")).Status);
    }
}
