using System.Text.RegularExpressions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.Newsletter;
using Samordna.Web.Platform.Web;

namespace Samordna.Tests.Features.Newsletter;

public sealed partial class NewsletterEnglishTests
{
    [Fact]
    public void Every_Swedish_UI_text_in_the_newsletter_views_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var views = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Features", "Newsletter"), "*.cshtml", SearchOption.AllDirectories);
        var texts = views.SelectMany(v => Lookup().Matches(File.ReadAllText(v)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();

        Assert.True(texts.Count > 100, "The views should be found and read.");
        var missing = texts.Where(t => !NewsletterEnglish.Texts.ContainsKey(t) && !SharedEnglish.Texts.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
        Assert.True(NewsletterEnglish.Texts.ContainsKey(NewsletterConsent.Text));
    }

    [GeneratedRegex("""T\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();
}
