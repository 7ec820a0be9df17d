using System.Text.RegularExpressions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Pages;
using Samordna.Web.Platform.Web;

namespace Samordna.Tests.Features.Pages;

public sealed partial class PagesEnglishTests
{
    [Fact]
    public void Every_Swedish_UI_text_in_the_pages_and_editorial_views_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var features = Path.Combine(root.FullName, "src", "Samordna.Web", "Features");
        var views = Directory.GetFiles(Path.Combine(features, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(features, "Editorial"), "*.cshtml", SearchOption.AllDirectories))
            .ToList();
        var texts = views.SelectMany(v => Lookup().Matches(File.ReadAllText(v)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();

        Assert.True(texts.Count > 50, "The views should be found and read.");
        var missing = texts.Where(t => !PagesEnglish.Texts.ContainsKey(t) && !SharedEnglish.Texts.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("""T\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();
}
