using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed class SuggestionTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private const string Url = "/kalender/foresla-amne";

    private Task<List<TopicSuggestion>> SuggestionsAsync(string topic) =>
        factory.WithDbAsync(db => db.Set<TopicSuggestion>().AsNoTracking().Where(s => s.Topic == topic).ToListAsync(Ct));

    [Fact]
    public async Task A_visitor_suggests_a_topic_and_an_editor_marks_it_handled()
    {
        var topic = "Psykisk hälsa hos unga " + Guid.NewGuid().ToString("N")[..6];
        var visitor = factory.CreateBrowserClient();

        var response = await visitor.SubmitFormAsync(Url, new()
        {
            ["Input.Topic"] = topic,
            ["Input.Details"] = "Gärna med någon från ungdomsmottagningen.",
            ["Input.Email"] = "lisa@kommun.example.se",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, thanks) = await visitor.GetHtmlAsync(Url);
        Assert.Contains("Tack för ditt förslag!", thanks.Text("[role=status]"), StringComparison.Ordinal);
        var suggestion = Assert.Single(await SuggestionsAsync(topic));
        Assert.Equal("lisa@kommun.example.se", suggestion.Email);
        Assert.Null(suggestion.HandledAt);

        var editor = await factory.SignInAsEditorAsync();
        var (_, list) = await editor.GetHtmlAsync("/redaktion/kalender/forslag");
        Assert.Contains(topic, list.Source.Text, StringComparison.Ordinal);
        var (_, calendar) = await editor.GetHtmlAsync("/redaktion/kalender");
        Assert.Contains("nya", calendar.Text("ul.event-links .badge"), StringComparison.Ordinal);

        var marked = await editor.SubmitFormAsync("/redaktion/kalender/forslag", [], $"form[action*='suggestionId={suggestion.Id}']");

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.NotNull(Assert.Single(await SuggestionsAsync(topic)).HandledAt);
    }

    [Fact]
    public async Task A_robot_that_fills_the_hidden_field_is_thanked_but_nothing_is_stored()
    {
        var topic = "Billiga klockor " + Guid.NewGuid().ToString("N")[..6];

        var response = await factory.CreateBrowserClient().SubmitFormAsync(Url, new()
        {
            ["Input.Topic"] = topic,
            ["Website"] = "http://spam.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await SuggestionsAsync(topic));
    }

    [Fact]
    public async Task An_empty_suggestion_or_a_bad_address_is_refused_with_400_and_the_text_kept()
    {
        var response = await factory.CreateBrowserClient().SubmitFormAsync(Url, new()
        {
            ["Input.Topic"] = "",
            ["Input.Details"] = "Något om IPS",
            ["Input.Email"] = "inte en adress",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Skriv vilket ämne du föreslår.", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("Skriv en giltig e-postadress", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Något om IPS", page.QuerySelector("#Input_Details")!.TextContent);
    }
}

public sealed class SuggestionRateLimitTests(SuggestionRateLimitTests.LimitedFactory factory) : IClassFixture<SuggestionRateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : EventsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings => [new("RateLimits:FormsPerMinute", "3")];
    }

    [Fact]
    public async Task Suggestions_and_registrations_are_rate_limited_per_address()
    {
        var visitor = factory.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await visitor.SubmitFormAsync("/kalender/foresla-amne", new() { ["Input.Topic"] = "Ämne " + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var e = await factory.InsertEventAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.RegisterAsync(e, NewEmail())).StatusCode);
    }
}
