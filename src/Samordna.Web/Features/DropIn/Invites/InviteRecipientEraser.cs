using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Jobs;

namespace Samordna.Web.Features.DropIn.Invites;

/// <summary>
/// Data minimisation: erases the mobile number or e-mail address (and the personal message, which may name the person) of every invite that can no longer be used (expired,
/// revoked or used); only the masked hint stays for the staff's list. Used and revoked invites are erased at once
/// by their own requests; this catches expiry (and anything a crash left behind).
/// </summary>
public sealed class InviteRecipientEraser(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Erases what is due now; returns how many addresses were erased.</summary>
    public async Task<int> EraseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Invite>()
            .Where(i => (i.Recipient != null || i.Message != null) && (i.ExpiresAt <= now || i.RevokedAt != null || i.UsedAt != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Recipient, (string?)null)
                .SetProperty(i => i.Message, (string?)null), cancellationToken);
    }
}

/// <summary>Runs <see cref="InviteRecipientEraser"/> at start and every ten minutes.</summary>
public sealed class InviteRecipientEraserService(InviteRecipientEraser eraser, ILogger<InviteRecipientEraserService> logger)
    : PeriodicJobService(logger)
{
    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override string JobName => "invite address erasure";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => eraser.EraseAsync(cancellationToken);
}
