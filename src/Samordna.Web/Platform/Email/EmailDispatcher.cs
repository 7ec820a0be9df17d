using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Sends due messages from the outbox. Each message is claimed with a lease (an atomic conditional update of
/// Status, LockedUntil and LockToken), so two nodes never send it at once; only the lease holder records the
/// outcome. A node that dies mid-send leaves the lease to expire, after which the message is sent again with the
/// same Message-ID (at-least-once delivery). Failures are retried with exponential back-off, then marked Failed.
/// </summary>
public sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    EmlWriter writer,
    FileEmailTransport files,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcher> logger) : IDisposable
{
    // One pass at a time in this process: a pass started by hand (tests, the retry button) waits for the
    // background pass, so it never finds a message half-sent by its own node.
    private readonly SemaphoreSlim gate = new(1, 1);

    private EmailOptions Options => options.Value;

    /// <summary>Sends everything that is due now and returns when done (or when cancelled, leaving leases to expire).</summary>
    public async Task<EmailDispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await FailAbandonedAsync(cancellationToken);
            var summary = new EmailDispatchSummary();
            var seen = new HashSet<Guid>();
            while (true)
            {
                var now = time.GetUtcNow();
                List<Guid> due;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    due = await Due(db.Set<OutboxEmail>(), now, Options.MaxAttempts)
                        .OrderBy(x => x.NextAttemptAt)
                        .Select(x => x.Id)
                        .Take(Options.BatchSize)
                        .ToListAsync(cancellationToken);
                }
                // A message met again in the same pass failed and came due at once; leave it for the next pass.
                var fresh = due.Where(seen.Add).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }
                await Parallel.ForEachAsync(
                    fresh,
                    new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelSends, CancellationToken = cancellationToken },
                    async (id, token) => summary.Add(await SendOneAsync(id, token)));
                if (fresh.Count < due.Count || due.Count < Options.BatchSize)
                {
                    break;
                }
            }
            if (summary.Sent + summary.Retrying + summary.Failed > 0)
            {
                LogPass(summary.Sent, summary.Retrying, summary.Failed);
            }
            return summary;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Deletes sent and failed messages older than Email:RetentionDays, with their .eml files; returns how many.
    /// Pending messages are never deleted. Also clears scratch files a crash left behind.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        RemoveStaleTemporaryFiles();
        if (Options.RetentionDays == 0)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().AddDays(-Options.RetentionDays);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxEmail>();
            var expired = await outbox
                .Where(x => (x.Status == OutboxEmailStatus.Sent || x.Status == OutboxEmailStatus.Failed) && x.CreatedAt < cutoff)
                .OrderBy(x => x.CreatedAt)
                .Select(x => x.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                break;
            }
            await outbox.Where(x => expired.Contains(x.Id)).ExecuteDeleteAsync(cancellationToken);
            foreach (var path in expired.Select(files.PathOf).Where(File.Exists))
            {
                File.Delete(path);
            }
            total += expired.Count;
        }
        if (total > 0)
        {
            LogPurged(total, Options.RetentionDays);
        }
        return total;
    }

    /// <summary>Half-written files left by a crash mid-write; file times are wall-clock, so the system clock judges them.</summary>
    private void RemoveStaleTemporaryFiles()
    {
        var scratch = new DirectoryInfo(Path.Combine(Options.Directory, ".tmp"));
        if (!scratch.Exists)
        {
            return;
        }
        var stale = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var entry in scratch.EnumerateFileSystemInfos().Where(e => e.LastWriteTimeUtc < stale))
        {
            try
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
            catch (IOException)
            {
                // In use right now; next time.
            }
        }
    }

    private static IQueryable<OutboxEmail> Due(IQueryable<OutboxEmail> outbox, DateTimeOffset now, int maxAttempts) =>
        outbox.Where(x =>
            (x.Status == OutboxEmailStatus.Pending && x.NextAttemptAt <= now) ||
            (x.Status == OutboxEmailStatus.Sending && x.LockedUntil <= now && x.Attempts < maxAttempts));

    /// <summary>A message whose lease ran out on its last allowed attempt (the node died each time) is given up.</summary>
    private async Task FailAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var maxAttempts = Options.MaxAttempts;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var count = await db.Set<OutboxEmail>()
            .Where(x => x.Status == OutboxEmailStatus.Sending && x.LockedUntil <= now && x.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, OutboxEmailStatus.Failed)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LockToken, (Guid?)null)
                .SetProperty(x => x.LastError, "Sändningen avbröts (servern stängdes eller kraschade) vid sista försöket; okänt om meddelandet kom fram."),
                cancellationToken);
        if (count > 0)
        {
            LogAbandoned(count);
        }
    }

    private async Task<EmailSendOutcome> SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = db.Set<OutboxEmail>();
        var token = Guid.NewGuid();
        var now = time.GetUtcNow();
        var lease = now.AddSeconds(Options.LeaseSeconds);
        var claimed = await Due(outbox.Where(x => x.Id == id), now, Options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, OutboxEmailStatus.Sending)
                .SetProperty(x => x.LockedUntil, lease)
                .SetProperty(x => x.LockToken, token)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return EmailSendOutcome.TakenElsewhere;
        }
        var mail = await outbox.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        var ours = outbox.Where(x => x.Id == id && x.LockToken == token);

        try
        {
            var outgoing = new OutgoingEmail(mail.Id, writer.MessageIdFor(mail.IdempotencyKey), now, mail.To, mail.Subject,
                mail.HtmlBody, mail.TextBody, mail.Headers);
            await transport.SendAsync(outgoing, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: we cannot know whether it left, so keep the lease; once it expires the
            // message goes again with the same Message-ID.
            throw;
        }
        catch (Exception ex)
        {
            var failedAt = time.GetUtcNow();
            var final = ex is EmailRejectedException || mail.Attempts >= Options.MaxAttempts;
            var status = final ? OutboxEmailStatus.Failed : OutboxEmailStatus.Pending;
            var delay = Options.RetryDelay(mail.Attempts);
            var next = final ? mail.NextAttemptAt : failedAt + delay;
            var error = Describe(ex);
            // The outcome is recorded even while shutting down: it is one short write.
            await ours.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, status)
                .SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LockToken, (Guid?)null)
                .SetProperty(x => x.LastError, error),
                CancellationToken.None);
            if (final)
            {
                LogFailed(ex, id, mail.Attempts);
                return EmailSendOutcome.Failed;
            }
            LogRetrying(ex, id, mail.Attempts, delay);
            return EmailSendOutcome.Retrying;
        }

        var marked = await ours.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, OutboxEmailStatus.Sent)
            .SetProperty(x => x.SentAt, time.GetUtcNow())
            .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LockToken, (Guid?)null)
            .SetProperty(x => x.LastError, (string?)null),
            CancellationToken.None);
        if (marked == 0)
        {
            LogLeaseLost(id);
        }
        LogSent(id, mail.Attempts);
        return EmailSendOutcome.Sent;
    }

    private static string Describe(Exception ex)
    {
        var text = ex.InnerException is { } inner && inner.Message != ex.Message
            ? $"{ex.GetType().Name}: {ex.Message} ({inner.GetType().Name}: {inner.Message})"
            : $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= OutboxEmail.LastErrorMaxLength ? text : text[..OutboxEmail.LastErrorMaxLength];
    }

    public void Dispose() => gate.Dispose();

    // The recipient's address is personal data and stays out of the logs; the outbox id leads to it.
    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {OutboxId} sent (attempt {Attempt}).")]
    private partial void LogSent(Guid outboxId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {OutboxId} failed on attempt {Attempt}; next try in {Delay}.")]
    private partial void LogRetrying(Exception exception, Guid outboxId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {OutboxId} failed for good after {Attempts} attempt(s); an administrator can retry it in the mail viewer.")]
    private partial void LogFailed(Exception exception, Guid outboxId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {OutboxId} was sent, but its lease had run out and another dispatcher took it over; it may arrive twice (same Message-ID). Raise Email:LeaseSeconds.")]
    private partial void LogLeaseLost(Guid outboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail dispatch: {Sent} sent, {Retrying} to retry, {Failed} failed for good.")]
    private partial void LogPass(int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} e-mail(s) older than {Days} days from the outbox (Email:RetentionDays).")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} e-mail(s) were abandoned mid-send on their last attempt and are marked Failed.")]
    private partial void LogAbandoned(int count);
}

public enum EmailSendOutcome
{
    Sent,
    Retrying,
    Failed,
    TakenElsewhere,
}

/// <summary>What one dispatch pass did.</summary>
public sealed class EmailDispatchSummary
{
    private int sent;
    private int retrying;
    private int failed;

    public int Sent => sent;
    public int Retrying => retrying;
    public int Failed => failed;

    internal void Add(EmailSendOutcome outcome)
    {
        switch (outcome)
        {
            case EmailSendOutcome.Sent: Interlocked.Increment(ref sent); break;
            case EmailSendOutcome.Retrying: Interlocked.Increment(ref retrying); break;
            case EmailSendOutcome.Failed: Interlocked.Increment(ref failed); break;
            default: break;
        }
    }

    public override string ToString() => $"{Sent} sent, {Retrying} to retry, {Failed} failed";
}
