using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Sms;

/// <summary>
/// Sends due SMS from the outbox, as <see cref="Email.EmailDispatcher"/> does e-mail: each message is claimed with a
/// lease (an atomic conditional update of Status, LockedUntil and LockToken), so two nodes never send it at once and
/// only the lease holder records the outcome. A node that dies mid-send leaves the lease to expire and the message is
/// sent again (at-least-once). Failures are retried with exponential back-off, then marked Failed.
/// </summary>
public sealed partial class SmsDispatcher(
    IServiceScopeFactory scopes,
    ISmsTransport transport,
    FileSmsTransport files,
    TimeProvider time,
    IOptions<SmsOptions> options,
    ILogger<SmsDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    private SmsOptions Options => options.Value;

    /// <summary>Sends everything due now; returns how many were sent, left for a retry, and failed for good.</summary>
    public async Task<SmsDispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await FailAbandonedAsync(cancellationToken);
            var summary = new SmsDispatchSummary();
            var seen = new HashSet<Guid>();
            while (true)
            {
                List<Guid> due;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    due = await Due(db.Set<OutboxSms>(), time.GetUtcNow(), Options.MaxAttempts)
                        .OrderBy(x => x.NextAttemptAt)
                        .Select(x => x.Id)
                        .Take(Options.BatchSize)
                        .ToListAsync(cancellationToken);
                }
                var fresh = due.Where(seen.Add).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }
                foreach (var id in fresh)
                {
                    summary.Add(await SendOneAsync(id, cancellationToken));
                }
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

    /// <summary>Deletes sent and failed messages older than Sms:RetentionDays, with their files; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        if (Options.RetentionDays == 0)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().AddDays(-Options.RetentionDays);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxSms>();
            var expired = await outbox
                .Where(x => (x.Status == OutboxSmsStatus.Sent || x.Status == OutboxSmsStatus.Failed) && x.CreatedAt < cutoff)
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

    private static IQueryable<OutboxSms> Due(IQueryable<OutboxSms> outbox, DateTimeOffset now, int maxAttempts) =>
        outbox.Where(x =>
            (x.Status == OutboxSmsStatus.Pending && x.NextAttemptAt <= now) ||
            (x.Status == OutboxSmsStatus.Sending && x.LockedUntil <= now && x.Attempts < maxAttempts));

    private async Task FailAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var maxAttempts = Options.MaxAttempts;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<OutboxSms>()
            .Where(x => x.Status == OutboxSmsStatus.Sending && x.LockedUntil <= now && x.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, OutboxSmsStatus.Failed)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LockToken, (Guid?)null)
                .SetProperty(x => x.LastError, "Sändningen avbröts (servern stängdes eller kraschade) vid sista försöket; okänt om meddelandet kom fram."),
                cancellationToken);
    }

    private async Task<SmsSendOutcome> SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxSms>();
        var token = Guid.NewGuid();
        var now = time.GetUtcNow();
        var claimed = await Due(outbox.Where(x => x.Id == id), now, Options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, OutboxSmsStatus.Sending)
                .SetProperty(x => x.LockedUntil, now.AddSeconds(Options.LeaseSeconds))
                .SetProperty(x => x.LockToken, token)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return SmsSendOutcome.TakenElsewhere;
        }
        var sms = await outbox.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        var ours = outbox.Where(x => x.Id == id && x.LockToken == token);
        string? providerId;
        try
        {
            providerId = await transport.SendAsync(new OutgoingSms(sms.Id, Options.From, sms.To, sms.Text, now), cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var final = ex is SmsRejectedException || sms.Attempts >= Options.MaxAttempts;
            var status = final ? OutboxSmsStatus.Failed : OutboxSmsStatus.Pending;
            var delay = Options.RetryDelay(sms.Attempts);
            var next = final ? sms.NextAttemptAt : time.GetUtcNow() + delay;
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length <= OutboxSms.LastErrorMaxLength ? error : error[..OutboxSms.LastErrorMaxLength];
            await ours.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, status)
                .SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(x => x.LockToken, (Guid?)null)
                .SetProperty(x => x.LastError, error),
                CancellationToken.None);
            if (final)
            {
                LogFailed(ex, id, sms.Attempts);
                return SmsSendOutcome.Failed;
            }
            LogRetrying(ex, id, sms.Attempts, delay);
            return SmsSendOutcome.Retrying;
        }
        await ours.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, OutboxSmsStatus.Sent)
            .SetProperty(x => x.SentAt, time.GetUtcNow())
            .SetProperty(x => x.ProviderMessageId, providerId)
            .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LockToken, (Guid?)null)
            .SetProperty(x => x.LastError, (string?)null),
            CancellationToken.None);
        return SmsSendOutcome.Sent;
    }

    public void Dispose() => gate.Dispose();

    // The number is personal data and stays out of the logs; the outbox id leads to it.
    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {OutboxId} failed on attempt {Attempt}; next try in {Delay}.")]
    private partial void LogRetrying(Exception exception, Guid outboxId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {OutboxId} failed for good after {Attempts} attempt(s); an administrator can retry it in the viewer.")]
    private partial void LogFailed(Exception exception, Guid outboxId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS dispatch: {Sent} sent, {Retrying} to retry, {Failed} failed for good.")]
    private partial void LogPass(int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} SMS older than {Days} days from the outbox (Sms:RetentionDays).")]
    private partial void LogPurged(int count, int days);
}

public enum SmsSendOutcome
{
    Sent,
    Retrying,
    Failed,
    TakenElsewhere,
}

public sealed class SmsDispatchSummary
{
    public int Sent { get; private set; }

    public int Retrying { get; private set; }

    public int Failed { get; private set; }

    public void Add(SmsSendOutcome outcome)
    {
        switch (outcome)
        {
            case SmsSendOutcome.Sent:
                Sent++;
                break;
            case SmsSendOutcome.Retrying:
                Retrying++;
                break;
            case SmsSendOutcome.Failed:
                Failed++;
                break;
        }
    }
}

/// <summary>Runs <see cref="SmsDispatcher"/> at start, when a save wakes it and every Sms:DispatchIntervalSeconds; purges hourly.</summary>
public sealed class SmsDispatchService(
    SmsDispatcher dispatcher,
    SmsDispatchSignal signal,
    IOptions<SmsOptions> options,
    ILogger<SmsDispatchService> logger) : Jobs.PeriodicJobService(logger)
{
    protected override bool Enabled => options.Value.BackgroundDispatch;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds);

    protected override string JobName => "SMS dispatch";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);

    protected override Task HousekeepingAsync(CancellationToken cancellationToken) => dispatcher.PurgeExpiredAsync(cancellationToken);

    protected override Task WaitForNextPassAsync(TimeSpan interval, CancellationToken cancellationToken) => signal.WaitAsync(interval, cancellationToken);
}
