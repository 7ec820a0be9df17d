using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Newsletter;

namespace Samordna.Tests.Features.Newsletter;

public sealed class SignUpTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_subscribers_who_confirmed_their_address_get_a_campaign()
    {
        var confirmed = NewsletterTestHelpers.UniqueAddress("anna");
        var unconfirmed = NewsletterTestHelpers.UniqueAddress("bo");
        await factory.SignUpAndConfirmAsync(confirmed);
        var response = await factory.SignUpAsync(unconfirmed, "Bo Ek");
        Assert.Equal("/nyhetsbrev/tack", response.Headers.Location?.OriginalString);
        Assert.Single(await factory.SentMailsToAsync(unconfirmed));

        var subject = "Nyhetsbrev " + Guid.NewGuid().ToString("N")[..6];
        await factory.ScheduleCampaignAsync(subject);
        await factory.SendCampaignsAsync();

        Assert.Single(factory.CampaignMailsTo(confirmed, subject));
        Assert.Empty(factory.CampaignMailsTo(unconfirmed, subject));
        var pending = await factory.SubscriberAsync(unconfirmed);
        Assert.Equal(SubscriberStatus.Pending, pending!.Status);
        Assert.Equal("Bo Ek", pending.Name);
        Assert.Equal(NewsletterConsent.Version, pending.ConsentVersion);
        Assert.Equal(factory.Clock.GetUtcNow(), pending.ConsentAt);
        Assert.Equal(NewsletterConsent.WebForm, pending.ConsentSource);
    }

    [Fact]
    public async Task Opening_the_confirmation_link_changes_nothing_until_the_button_is_pressed()
    {
        var email = NewsletterTestHelpers.UniqueAddress("cecilia");
        await factory.SignUpAsync(email, null, "nyhetsbrev", "webbinarier");
        var mail = await factory.SingleSentMailToAsync(email);
        var link = mail.LinkTo("/nyhetsbrev/bekrafta");

        var page = await factory.CreateBrowserClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))!.Status);

        var confirmed = await factory.CreateBrowserClient().SubmitFormAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Du prenumererar nu", await confirmed.ReadBodyAsync(), StringComparison.Ordinal);
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal(2, subscriber.Subscriptions.Count);
    }

    [Fact]
    public async Task The_confirmation_link_expires_after_seven_days()
    {
        var email = NewsletterTestHelpers.UniqueAddress("david");
        await factory.SignUpAsync(email);
        var link = (await factory.SingleSentMailToAsync(email)).LinkTo("/nyhetsbrev/bekrafta");
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync(link);

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        try
        {
            var opened = await factory.CreateBrowserClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
            var pressed = await client.SubmitFormAsync(document, link, []);

            Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
            Assert.Contains("Länken fungerar inte", await opened.ReadBodyAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
            Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))!.Status);
        }
        finally
        {
            factory.Clock.Advance(-(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task Signing_up_an_address_that_already_subscribes_looks_the_same_and_changes_nothing()
    {
        var subscribed = NewsletterTestHelpers.UniqueAddress("erik");
        await factory.SignUpAndConfirmAsync(subscribed);
        var fresh = NewsletterTestHelpers.UniqueAddress("frida");
        factory.Clock.Advance(SubscriptionService.NoticeInterval);

        var again = await factory.SignUpAsync(subscribed, null, "webbinarier");
        var first = await factory.SignUpAsync(fresh);

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var thanks = await factory.CreateBrowserClient().GetAsync(new Uri("/nyhetsbrev/tack", UriKind.Relative), Ct);
        Assert.Contains("Om adressen inte redan prenumererar", await thanks.ReadBodyAsync(), StringComparison.Ordinal);
        var subscriber = await factory.SubscriberAsync(subscribed);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Single(subscriber.Subscriptions);
        // The owner of the address learns what happened, with a way to change their choices.
        var mails = await factory.SentMailsToAsync(subscribed);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Du prenumererar redan", mails[1].Subject, StringComparison.Ordinal);
        Assert.StartsWith("/nyhetsbrev/installningar?t=", mails[1].LinkTo("/nyhetsbrev/installningar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_sign_ups_mail_an_address_at_most_once_in_ten_minutes()
    {
        var email = NewsletterTestHelpers.UniqueAddress("gustav");
        for (var i = 0; i < 3; i++)
        {
            await factory.SignUpAsync(email);
        }

        Assert.Single(await factory.SentMailsToAsync(email));
    }

    [Theory]
    [InlineData("inte-en-adress")]
    [InlineData("namn@exempel")]
    [InlineData("namn @exempel.se")]
    [InlineData("")]
    public async Task An_invalid_address_is_refused_with_a_Swedish_message_and_the_form_kept(string email)
    {
        var response = await factory.SignUpAsync(email, "Hanna Holm");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.ReadBodyAsync();
        var document = Forms.Parse(html);
        var error = document.QuerySelector("#Input_Email-error")?.TextContent;
        Assert.True(error is "Skriv en giltig e-postadress, till exempel namn@exempel.se." or "Skriv din e-postadress.", error);
        Assert.Equal("true", document.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Hanna Holm", document.QuerySelector("#Input_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Choosing_no_list_is_refused()
    {
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/nyhetsbrev");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form.signup-form")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key != "Input.ListIds").ToList();
        fields.RemoveAll(f => f.Key == "Input.Email");
        fields.Add(new("Input.Email", NewsletterTestHelpers.UniqueAddress("ida")));
        using var content = new FormUrlEncodedContent(fields);
        var refused = await client.PostAsync(new Uri("/nyhetsbrev", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Välj minst ett utskick.", await refused.ReadBodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_robot_that_fills_in_the_hidden_field_is_thanked_and_ignored()
    {
        var email = NewsletterTestHelpers.UniqueAddress("robot");
        var response = await factory.CreateBrowserClient().SubmitFormAsync("/nyhetsbrev",
            new() { ["Input.Email"] = email, ["Input.Website"] = "http://spam.example.com" }, formSelector: "main form.signup-form");

        Assert.Equal("/nyhetsbrev/tack", response.Headers.Location?.OriginalString);
        Assert.Null(await factory.SubscriberAsync(email));
        Assert.Empty(await factory.SentMailsToAsync(email));
    }

    [Theory]
    [InlineData("/nyhetsbrev")]
    [InlineData("/")]
    public async Task The_sign_up_form_promises_privacy_and_links_to_the_privacy_page(string page)
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync(page);

        var form = document.QuerySelector("form.signup-form")!;
        Assert.Contains("Vi sprider inte dina uppgifter vidare till andra.", form.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("a[href='/personuppgifter']"));
        Assert.Equal(2, form.QuerySelectorAll("input[name='Input.ListIds']").Length);
        Assert.Equal(page == "/nyhetsbrev", form.QuerySelector("input[name=__RequestVerificationToken]") is not null);
    }

    [Fact]
    public async Task The_sign_up_form_is_rate_limited_per_address()
    {
        var endpoint = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "nyhetsbrev");

        var limit = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>();

        Assert.Equal(Samordna.Web.Platform.Identity.IdentityModule.FormRateLimit, limit?.PolicyName);
    }
}

public sealed class StartPageSignUpTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    [Fact]
    public async Task The_start_page_form_works_for_every_visitor_even_when_the_page_is_cached()
    {
        // A first visitor loads the start page twice (the second time it may be stored in the output cache).
        var first = factory.CreateBrowserClient();
        await first.GetDocumentAsync("/");
        await first.GetDocumentAsync("/");

        foreach (var name in new[] { "kajsa", "ludvig" })
        {
            var visitor = factory.CreateBrowserClient();
            var email = NewsletterTestHelpers.UniqueAddress(name);
            var start = await visitor.GetDocumentAsync("/");
            Assert.Null(start.QuerySelector("form.signup-form input[name=__RequestVerificationToken]"));

            // Without a token nothing is saved: the sign-up page asks once more, with the address kept.
            var asked = await visitor.SubmitFormAsync(start, "/", new() { ["Input.Email"] = email }, formSelector: "form.signup-form");
            Assert.Equal(System.Net.HttpStatusCode.OK, asked.StatusCode);
            Assert.Null(await factory.SubscriberAsync(email));
            var page = Forms.Parse(await asked.ReadBodyAsync());
            Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));

            var response = await visitor.SubmitFormAsync(page, "/nyhetsbrev", [], formSelector: "main form.signup-form");
            Assert.Equal("/nyhetsbrev/tack", response.Headers.Location?.OriginalString);
            Assert.NotNull(await factory.SubscriberAsync(email));
        }
    }

    [Fact]
    public async Task A_sign_up_without_a_valid_token_saves_nothing()
    {
        var email = NewsletterTestHelpers.UniqueAddress("forged");
        var lists = await factory.ListsAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.ListIds"] = lists[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = "forged",
        });

        var response = await factory.CreateBrowserClient().PostAsync(new Uri("/nyhetsbrev", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await factory.SubscriberAsync(email));
        Assert.Empty(await factory.SentMailsToAsync(email));
    }
}
