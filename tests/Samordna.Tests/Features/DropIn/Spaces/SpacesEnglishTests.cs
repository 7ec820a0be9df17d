using System.Text.RegularExpressions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Spaces;
using Samordna.Web.Platform.Web;

namespace Samordna.Tests.Features.DropIn.Spaces;

public sealed partial class SpacesEnglishTests(SpacesFactory factory) : IClassFixture<SpacesFactory>
{
    [Fact]
    public void Every_Swedish_UI_text_in_the_spaces_views_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var views = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Features", "DropIn", "Spaces"), "*.cshtml", SearchOption.AllDirectories);
        var texts = views.SelectMany(v => Lookup().Matches(File.ReadAllText(v)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();
        texts.AddRange(Enum.GetValues<ChannelAccess>().Select(SpaceAdmin.AccessText));

        Assert.True(texts.Count > 100, "The views should be found and read.");
        var missing = texts.Where(t => !SpacesEnglish.Texts.ContainsKey(t) && !SharedEnglish.Texts.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [Fact]
    public async Task The_about_page_speaks_English_after_the_switch()
    {
        var space = await factory.InsertSpaceAsync();
        var visitor = factory.CreateBrowserClient();
        await visitor.SubmitFormAsync("/", new() { ["culture"] = "en" }, "form[action='/sprak']");

        var (_, page) = await visitor.GetPageAsync($"/motesplats/{space.Slug}/om");

        Assert.Equal("Digital opening hours", page.TextOf("#hours-heading"));
        Assert.Equal("Monday 17:00–19:00 Tuesday 13:00–16:00", page.TextOf("#weekly-hours li"));
        Assert.Equal("Physical drop-in", page.TextOf("#physical-heading"));
    }

    [GeneratedRegex("""T\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();
}
