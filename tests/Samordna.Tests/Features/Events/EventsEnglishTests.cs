using System.Net;
using System.Text.RegularExpressions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Events;
using Samordna.Web.Features.Pages;
using Samordna.Web.Platform.Web;
using static Samordna.Tests.Features.Events.EventsTestHelpers;

namespace Samordna.Tests.Features.Events;

public sealed partial class EventsEnglishTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public void Every_Swedish_UI_text_in_the_calendar_views_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var views = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Features", "Events"), "*.cshtml", SearchOption.AllDirectories);
        var texts = views.SelectMany(v => Lookup().Matches(File.ReadAllText(v)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();
        texts.AddRange(Enum.GetValues<EventKind>().Select(k => k.Name()));
        texts.AddRange(Enum.GetValues<EventState>().Select(s => s.Name()));
        texts.AddRange(Enum.GetValues<EventAudience>().Select(a => a.Name()));

        Assert.True(texts.Count > 150, "The views should be found and read.");
        var missing = texts.Where(t => !EventsEnglish.Texts.ContainsKey(t) && !SharedEnglish.Texts.ContainsKey(t) && !PagesEnglish.Texts.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [Fact]
    public async Task The_calendar_speaks_English_after_the_switch()
    {
        var e = await factory.InsertEventAsync(x => x.Capacity = 10);
        var visitor = factory.CreateBrowserClient();
        await visitor.SubmitFormAsync("/", new() { ["culture"] = "en" }, "form[action='/sprak']");

        var (response, page) = await visitor.GetHtmlAsync(e.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Registration", page.Text("#registration-heading"));
        Assert.Equal("Register me", page.Text(RegistrationForm + " button[type=submit]"));
        Assert.Contains("10 of 10 left", page.Text("#places"), StringComparison.Ordinal);
        Assert.Equal("sv", page.QuerySelector("h1")!.GetAttribute("lang"));
    }

    [GeneratedRegex("""T\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();
}
