using System.Text.RegularExpressions;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn.Chat;
using Samordna.Web.Platform.Web;

namespace Samordna.Tests.Features.DropIn.Chat;

public sealed partial class ChatEnglishTests
{
    [Fact]
    public void Every_Swedish_text_of_the_room_and_the_hub_has_an_English_translation()
    {
        var root = new DirectoryInfo(RepositoryRoot.FullName);
        var files = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Features", "DropIn", "Chat"), "*.*")
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var texts = files.SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => m.Groups["sv"].Value)).Distinct().ToList();
        texts.AddRange([ChatService.NotMemberText, ChatService.StaffOnlyText, ChatService.TooFastText]);

        Assert.True(texts.Count > 40, "The room and the service should be found and read.");
        var missing = texts.Where(t => !ChatEnglish.Texts.ContainsKey(t) && !SharedEnglish.Texts.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("""[Tt]\["(?<sv>[^"]+)"\]""")]
    private static partial Regex Lookup();
}
