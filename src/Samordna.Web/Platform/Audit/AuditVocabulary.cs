using System.Collections.Frozen;

namespace Samordna.Web.Platform.Audit;

/// <summary>Swedish names for one area's audit actions, registered in its module: services.AddSingleton(new AuditActionNames(...)).</summary>
public sealed record AuditActionNames(IReadOnlyDictionary<string, string> Names);

/// <summary>The Swedish name of any audit action, the platform's own and those the areas register.</summary>
public sealed class AuditVocabulary(IEnumerable<AuditActionNames> areas)
{
    private readonly FrozenDictionary<string, string> names = areas
        .SelectMany(a => a.Names)
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public string NameOf(string action) => names.TryGetValue(action, out var name) ? name : AuditActions.SwedishName(action);
}
