using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Platform;

public sealed class RepositoryHygieneTests
{
    /// <summary>A merge conflict left in a stylesheet or view compiles fine and silently breaks the page.</summary>
    [Fact]
    public void No_source_file_contains_merge_conflict_markers()
    {
        var root = RepositoryRoot.FullName;
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tests", "bench" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains("node_modules", StringComparison.Ordinal)
                    || !new[] { ".cs", ".cshtml", ".css", ".js", ".json", ".md", ".sh", ".csproj", ".props" }.Contains(Path.GetExtension(file)))
                {
                    continue;
                }
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].StartsWith("<<<<<<< ", StringComparison.Ordinal) || lines[i].StartsWith(">>>>>>> ", StringComparison.Ordinal))
                    {
                        offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}");
                    }
                }
            }
        }
        Assert.True(offenders.Count == 0, "Merge conflict markers in: " + string.Join(", ", offenders));
    }

    /// <summary>An unclosed block swallows every rule after it into a media query: the page still loads, half unstyled.</summary>
    [Fact]
    public void Every_stylesheet_closes_each_block_it_opens()
    {
        var root = RepositoryRoot.FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "Samordna.Web", "wwwroot"), "*.css", SearchOption.AllDirectories))
        {
            var css = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), @"/\*.*?\*/", "", System.Text.RegularExpressions.RegexOptions.Singleline);
            var depth = 0;
            var line = 1;
            foreach (var c in css)
            {
                line += c == '\n' ? 1 : 0;
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                Assert.True(depth >= 0, $"{Path.GetRelativePath(root, file)}: a '}}' without its '{{' near line {line}");
            }
            Assert.True(depth == 0, $"{Path.GetRelativePath(root, file)}: {depth} block(s) never closed");
        }
    }
}
