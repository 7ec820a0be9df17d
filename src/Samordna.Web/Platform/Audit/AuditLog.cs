using System.Security.Claims;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Audit;

/// <summary>
/// Writes audit entries. <see cref="Add"/> stages the entry in the caller's unit of work so it commits (or not)
/// with the change it describes; <see cref="WriteAsync"/> saves at once, for events that change nothing else.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
{
    public void Add(string action, string? subjectType = null, string? subjectId = null, string? details = null,
        Guid? actorId = null, string? actorName = null)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var currentId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actorId ?? (Guid.TryParse(currentId, out var id) ? id : null),
            ActorName = Truncate(actorName ?? user?.Identity?.Name ?? "anonym", 256),
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details is null ? null : Truncate(details, 2000),
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(string action, string? subjectType = null, string? subjectId = null, string? details = null,
        Guid? actorId = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        Add(action, subjectType, subjectId, details, actorId, actorName);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
