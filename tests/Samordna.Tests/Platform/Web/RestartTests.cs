using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Platform.Web;

public sealed class RestartTests
{
    [Fact]
    public async Task A_sign_in_survives_a_restart_of_the_application()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new SamordnaFactory();
        await first.InitializeAsync();
        var participant = await first.CreateUserAsync(Roles.Participant);

        // Sign in by hand, keeping the cookies ourselves so they can be shown to the restarted app.
        var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var loginPage = await client.GetAsync(new Uri("/konto/logga-in", UriKind.Relative), ct);
        var antiforgeryCookie = CookiePairs(loginPage).Single(c => c.StartsWith("samordna.af=", StringComparison.Ordinal));
        var token = Forms.Parse(await loginPage.Content.ReadAsStringAsync(ct)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = participant.Email, ["Input.Password"] = participant.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await client.SendAsync(post, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = CookiePairs(signedIn).Single(c => c.StartsWith("samordna.auth=", StringComparison.Ordinal));

        await using var second = new SamordnaFactory(first);
        await second.InitializeAsync();
        var restarted = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto");
        request.Headers.Add("Cookie", authCookie);
        using var response = await restarted.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The key ring lives in the installation's database, not in a folder of the machine's user profile.
        var keys = await second.WithDbAsync(db => db.Set<DataProtectionKey>().CountAsync(ct));
        Assert.True(keys >= 1);
    }

    private static IEnumerable<string> CookiePairs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
