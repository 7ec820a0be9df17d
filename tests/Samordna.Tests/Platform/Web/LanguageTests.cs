using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Platform.Web;

public sealed class LanguageTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task Visitors_switch_to_English_and_back_from_the_header()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowserClient();
        var home = await client.GetDocumentAsync("/konto/logga-in");
        Assert.Equal("sv", home.DocumentElement.GetAttribute("lang"));

        var switched = await client.SubmitFormAsync(home, "/konto/logga-in", [], formSelector: "form[action='/sprak']", submitName: "culture", submitValue: "en");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/konto/logga-in", switched.Headers.Location!.OriginalString);

        var english = await client.GetDocumentAsync("/konto/logga-in");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Skip to content", english.QuerySelector(".skip-link")!.TextContent, StringComparison.Ordinal);

        var back = await client.SubmitFormAsync(english, "/konto/logga-in", [], formSelector: "form[action='/sprak']", submitName: "culture", submitValue: "sv-SE");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("Logga in", (await client.GetDocumentAsync("/konto/logga-in")).QuerySelector("h1")!.TextContent);
        _ = ct;
    }

    [Fact]
    public async Task The_language_switch_does_not_redirect_to_other_sites()
    {
        var client = factory.CreateBrowserClient();
        var home = await client.GetDocumentAsync("/");
        var response = await client.SubmitFormAsync(home, "/", new() { ["returnUrl"] = "//evil.example/" }, formSelector: "form[action='/sprak']", submitName: "culture", submitValue: "en");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
