using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Data;

namespace Samordna.Tests.Platform;

/// <summary>
/// The folder tree is the architecture: an area reads and writes its own tables, and reaches another area only
/// through that area's small public services (ISearchIndex, start-page blocks, sitemap sources …). A query on
/// another area's table would tie the two together where nobody sees it; this test makes it visible.
/// </summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void No_feature_queries_another_features_tables()
    {
        var root = RepositoryRoot.FullName;
        var owners = typeof(AppDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct()
            .ToDictionary(t => t.Name, AreaOf, StringComparer.Ordinal);
        Assert.Contains("NewsArticle", owners.Keys);

        var offences = new List<string>();
        var features = Path.Combine(root, "src", "Samordna.Web", "Features");
        foreach (var file in Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories))
        {
            var area = Path.GetRelativePath(features, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match match in SetOf().Matches(File.ReadAllText(file)))
            {
                var entity = match.Groups[1].Value.Split('.')[^1];
                if (owners.TryGetValue(entity, out var owner) && owner != "Platform" && owner != area)
                {
                    offences.Add($"{Path.GetRelativePath(root, file)} uses Set<{entity}>() of {owner}");
                }
            }
        }
        Assert.True(offences.Count == 0, "Areas reaching into other areas' tables:\n" + string.Join("\n", offences));
    }

    private static string AreaOf(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        return parts.Length > 3 && parts[2] == "Features" ? parts[3] : "Platform";
    }

    [GeneratedRegex(@"\bSet<([\w.]+)>\(")]
    private static partial Regex SetOf();
}
