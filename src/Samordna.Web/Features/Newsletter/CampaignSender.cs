using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Email;
using Samordna.Web.Platform.Jobs;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Newsletter;

/// <summary>
/// Sends campaigns. Starting a campaign writes one <see cref="CampaignDelivery"/> per confirmed recipient in the
/// same transaction that marks it Sending (the unique campaign–subscriber index makes a second copy impossible).
/// Copies are then claimed in batches with a lease, sent over parallel connections at the configured rate, and
/// marked Sent a few at a time as they go. After a crash, only copies whose lease ran out unmarked are sent again,
/// with the same Message-ID (the File transport overwrites its file, so each recipient ends up with exactly one);
/// over SMTP the window for a repeat is the few milliseconds between the server's 250 and the mark.
/// Someone who leaves (or drops the campaign's lists) before their copy is claimed is skipped.
/// </summary>
public sealed partial class CampaignSender(
    IServiceScopeFactory scopes,
    BulkEmailTransport transport,
    EmlWriter writer,
    FileEmailTransport files,
    IOptions<EmailOptions> emailOptions,
    CampaignRenderer renderer,
    NewsletterTokens tokens,
    TimeProvider time,
    IOptions<NewsletterOptions> options,
    ILogger<CampaignSender> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<RateLimiter?> limiter = new(() => CreateLimiter(options.Value.MessagesPerSecond));

    private NewsletterOptions Options => options.Value;

    /// <summary>Starts campaigns whose time has come and sends every copy that is due; returns the copies handled.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await StartDueAsync(cancellationToken);
            List<int> sending;
            await using (var scope = scopes.CreateAsyncScope())
            {
                sending = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Campaign>()
                    .Where(c => c.Status == CampaignStatus.Sending).OrderBy(c => c.StartedAt).Select(c => c.Id)
                    .ToListAsync(cancellationToken);
            }
            var handled = 0;
            foreach (var id in sending)
            {
                handled += await SendCampaignAsync(id, cancellationToken);
            }
            return handled;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes sign-ups that were never confirmed within Newsletter:UnconfirmedDays.</summary>
    public async Task<int> PurgeUnconfirmedAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-Options.UnconfirmedDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = db.Set<Subscriber>().Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmedAt == null && s.ConsentAt < cutoff);
        await db.Set<Subscription>().Where(x => stale.Any(s => s.Id == x.SubscriberId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<CampaignDelivery>().Where(d => stale.Any(s => s.Id == d.SubscriberId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SubscriberId, (Guid?)null), cancellationToken);
        return await stale.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the File transport's copies (.eml files, which hold the recipients' addresses and links) of campaigns
    /// finished more than Email:RetentionDays ago, as the outbox does for its own messages. Returns how many.
    /// </summary>
    public async Task<int> PurgeOldCopiesAsync(CancellationToken cancellationToken)
    {
        var days = emailOptions.Value.RetentionDays;
        if (days == 0 || !emailOptions.Value.UsesFileTransport)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().AddDays(-days);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Set<CampaignDelivery>()
            .Where(d => d.Campaign!.FinishedAt != null && d.Campaign.FinishedAt < cutoff && d.Status == DeliveryStatus.Sent)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var path in ids.Select(files.PathOf).Where(File.Exists))
        {
            File.Delete(path);
            deleted++;
        }
        return deleted;
    }

    /// <summary>Starts the campaigns whose time has come (writes their recipients), without sending yet.</summary>
    public async Task StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.Set<Campaign>()
            .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now)
            .OrderBy(c => c.ScheduledAt).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await StartAsync(id, cancellationToken);
        }
    }

    private async Task StartAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var campaign = await db.Set<Campaign>().AsNoTracking().Include(c => c.Lists).ThenInclude(l => l.List)
            .FirstAsync(c => c.Id == id, cancellationToken);
        var listIds = campaign.Lists.Select(l => l.ListId).ToList();
        var names = campaign.Lists.OrderBy(l => l.List!.SortOrder).Select(l => l.List!.Name).ToList();
        var blocks = await renderer.BlocksAsync(campaign, scope.ServiceProvider, now, cancellationToken);
        var baseUrl = BaseUrlOf(campaign);
        var rendered = renderer.Render(campaign, blocks, names, baseUrl);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<Campaign>()
            .Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, CampaignStatus.Sending)
                .SetProperty(x => x.StartedAt, now)
                .SetProperty(x => x.BaseUrl, baseUrl)
                .SetProperty(x => x.HtmlBody, rendered.Html)
                .SetProperty(x => x.TextBody, rendered.Text)
                .SetProperty(x => x.WebBody, rendered.Web), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var recipients = await db.Set<Subscriber>()
            .Where(s => s.Status == SubscriberStatus.Confirmed && s.Subscriptions.Any(x => listIds.Contains(x.ListId)))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        db.Set<CampaignDelivery>().AddRange(recipients.Select(subscriberId => new CampaignDelivery
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = id,
            SubscriberId = subscriberId,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Campaign>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RecipientCount, recipients.Count), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogStarted(id, recipients.Count);
    }

    private string BaseUrlOf(Campaign campaign) =>
        !string.IsNullOrWhiteSpace(Options.PublicBaseUrl) ? Options.PublicBaseUrl.TrimEnd('/')
        : !string.IsNullOrWhiteSpace(campaign.BaseUrl) ? campaign.BaseUrl.TrimEnd('/')
        : "http://localhost";

    private async Task<int> SendCampaignAsync(int id, CancellationToken cancellationToken)
    {
        Snapshot snapshot;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var campaign = await db.Set<Campaign>().AsNoTracking().Include(c => c.Lists).FirstAsync(c => c.Id == id, cancellationToken);
            snapshot = new Snapshot(id, campaign.Subject, campaign.HtmlBody ?? "", campaign.TextBody ?? "", BaseUrlOf(campaign),
                [.. campaign.Lists.Select(l => l.ListId)]);
        }
        await SkipLeaversAsync(snapshot, cancellationToken);
        var handled = 0;
        while (true)
        {
            var count = await SendBatchAsync(snapshot, cancellationToken);
            if (count == 0)
            {
                break;
            }
            handled += count;
        }
        await FinishIfDoneAsync(id, cancellationToken);
        return handled;
    }

    /// <summary>
    /// Whoever left, or dropped every list of this campaign, before their copy went out gets nothing. Done in bulk
    /// once per pass; each batch checks its own recipients again as it claims them.
    /// </summary>
    private async Task SkipLeaversAsync(Snapshot campaign, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CampaignDelivery>();
        var listIds = campaign.ListIds;
        await deliveries
            .Where(d => d.CampaignId == campaign.Id && d.Status == DeliveryStatus.Pending &&
                (d.Subscriber == null || d.Subscriber.Status != SubscriberStatus.Confirmed ||
                 !d.Subscriber.Subscriptions.Any(s => listIds.Contains(s.ListId))))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);
    }

    private static IQueryable<CampaignDelivery> Due(IQueryable<CampaignDelivery> deliveries, int campaignId, DateTimeOffset now, int maxAttempts) =>
        deliveries.Where(d => d.CampaignId == campaignId &&
            ((d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) ||
             (d.Status == DeliveryStatus.Sending && d.LockedUntil <= now && d.Attempts < maxAttempts)));

    private async Task<int> SendBatchAsync(Snapshot campaign, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deliveries = db.Set<CampaignDelivery>();
        var now = time.GetUtcNow();
        var maxAttempts = Options.MaxAttempts;
        var listIds = campaign.ListIds;

        // A copy abandoned mid-send on its last allowed attempt (the node died each time) is given up.
        await deliveries
            .Where(d => d.CampaignId == campaign.Id && d.Status == DeliveryStatus.Sending && d.LockedUntil <= now && d.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, DeliveryStatus.Failed)
                .SetProperty(x => x.LockToken, (Guid?)null)
                .SetProperty(x => x.LastError, "Sändningen avbröts vid sista försöket; okänt om meddelandet kom fram."), cancellationToken);

        var due = await Due(deliveries, campaign.Id, now, maxAttempts)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id)
            .Take(Options.EffectiveBatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var token = Guid.NewGuid();
        var lease = now.AddSeconds(Options.LeaseSeconds);
        await Due(deliveries.Where(d => due.Contains(d.Id)), campaign.Id, now, maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, DeliveryStatus.Sending)
                .SetProperty(x => x.LockToken, token)
                .SetProperty(x => x.LockedUntil, lease)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
        var claimed = await deliveries.AsNoTracking()
            .Where(d => d.LockToken == token)
            .Select(d => new Claimed(d.Id, d.Attempts, d.SubscriberId, (string?)d.Subscriber!.Email, (SubscriberStatus?)d.Subscriber!.Status,
                d.Subscriber!.Subscriptions.Any(s => listIds.Contains(s.ListId))))
            .ToListAsync(cancellationToken);

        // The last look: someone who left since the check above is skipped rather than sent.
        var gone = claimed.Where(c => c.Email is null || c.Status != SubscriberStatus.Confirmed || !c.OnList).Select(c => c.Id).ToList();
        if (gone.Count > 0)
        {
            await deliveries.Where(d => gone.Contains(d.Id) && d.LockToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, DeliveryStatus.Skipped)
                    .SetProperty(x => x.LockToken, (Guid?)null)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        var toSend = claimed.Where(c => !gone.Contains(c.Id)).ToList();

        var sent = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
        var marking = MarkSentAsync(sent.Reader, token);
        var failures = new ConcurrentBag<(Claimed Copy, Exception Error)>();
        try
        {
            await Parallel.ForEachAsync(toSend,
                new ParallelOptions { MaxDegreeOfParallelism = Options.Connections, CancellationToken = cancellationToken },
                async (copy, ct) =>
                {
                    if (limiter.Value is { } rate)
                    {
                        using var permit = await rate.AcquireAsync(1, ct);
                    }
                    var email = Compose(campaign, copy);
                    try
                    {
                        await transport.SendAsync(email, ct);
                        sent.Writer.TryWrite(copy.Id);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        failures.Add((copy, ex));
                    }
                });
        }
        finally
        {
            // Whatever went out is recorded, even when shutting down; the rest keeps its lease and goes again later.
            sent.Writer.Complete();
            await marking;
        }
        await RecordFailuresAsync(db, failures, token);
        return claimed.Count;
    }

    private OutgoingEmail Compose(Snapshot campaign, Claimed copy)
    {
        var manage = tokens.ForManagement(copy.SubscriberId!.Value);
        var preferences = $"{campaign.BaseUrl}/nyhetsbrev/installningar?t={manage}";
        var unsubscribe = $"{campaign.BaseUrl}/nyhetsbrev/avsluta?t={manage}";
        var oneClick = $"{campaign.BaseUrl}/nyhetsbrev/avsluta/direkt?t={manage}";
        return new OutgoingEmail(
            copy.Id,
            writer.MessageIdFor("newsletter:" + copy.Id.ToString("N")),
            time.GetUtcNow(),
            copy.Email!,
            campaign.Subject,
            CampaignRenderer.Personalise(campaign.Html, unsubscribe, preferences),
            CampaignRenderer.Personalise(campaign.Text, unsubscribe, preferences),
            SubscriptionService.ListHeaders(new SubscriberLinks(preferences, unsubscribe, oneClick)));
    }

    /// <summary>Marks sent copies in groups as they come, so a crash repeats as few as possible.</summary>
    private async Task MarkSentAsync(ChannelReader<Guid> reader, Guid token)
    {
        var group = new List<Guid>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < 500 && reader.TryRead(out var id))
            {
                group.Add(id);
            }
            if (group.Count == 0)
            {
                continue;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sentAt = time.GetUtcNow();
            var ids = group.ToList();
            await db.Set<CampaignDelivery>()
                .Where(d => ids.Contains(d.Id) && d.LockToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, DeliveryStatus.Sent)
                    .SetProperty(x => x.SentAt, sentAt)
                    .SetProperty(x => x.LockToken, (Guid?)null)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
            group.Clear();
        }
    }

    private async Task RecordFailuresAsync(AppDbContext db, ConcurrentBag<(Claimed Copy, Exception Error)> failures, Guid token)
    {
        var now = time.GetUtcNow();
        foreach (var (copy, error) in failures)
        {
            var message = Describe(error);
            var permanent = error is EmailRejectedException;
            var final = permanent || copy.Attempts >= Options.MaxAttempts;
            var next = now + Options.RetryDelay(copy.Attempts);
            await db.Set<CampaignDelivery>().Where(d => d.Id == copy.Id && d.LockToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, final ? DeliveryStatus.Failed : DeliveryStatus.Pending)
                    .SetProperty(x => x.NextAttemptAt, next)
                    .SetProperty(x => x.LockToken, (Guid?)null)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(x => x.LastError, message), CancellationToken.None);
            if (permanent)
            {
                // The receiving server refused the address for good: stop mailing it.
                await db.Set<Subscriber>().Where(s => s.Id == copy.SubscriberId && s.Status == SubscriberStatus.Confirmed)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.Status, SubscriberStatus.Bounced)
                        .SetProperty(x => x.BouncedAt, now)
                        .SetProperty(x => x.BounceReason, message), CancellationToken.None);
                LogRejected(copy.Id);
            }
            else
            {
                LogRetrying(error, copy.Id, copy.Attempts);
            }
        }
    }

    private async Task FinishIfDoneAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var open = await db.Set<CampaignDelivery>()
            .AnyAsync(d => d.CampaignId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending), cancellationToken);
        if (open)
        {
            return;
        }
        var now = time.GetUtcNow();
        var finished = await db.Set<Campaign>().Where(c => c.Id == id && c.Status == CampaignStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, CampaignStatus.Sent).SetProperty(x => x.FinishedAt, now), cancellationToken);
        if (finished > 0)
        {
            // The archive shows it now.
            await scope.ServiceProvider.GetRequiredService<PublicPageCache>().ChangedAsync(cancellationToken);
            LogFinished(id);
        }
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= CampaignDelivery.LastErrorMaxLength ? text : text[..CampaignDelivery.LastErrorMaxLength];
    }

    private static TokenBucketRateLimiter? CreateLimiter(double perSecond)
    {
        if (perSecond <= 0)
        {
            return null;
        }
        // Tokens in small, frequent portions, so the rate is smooth rather than a burst each second.
        var tokens = Math.Max(1, (int)Math.Round(perSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        gate.Dispose();
        if (limiter.IsValueCreated)
        {
            limiter.Value?.Dispose();
        }
    }

    private sealed record Snapshot(int Id, string Subject, string Html, string Text, string BaseUrl, IReadOnlyList<int> ListIds);

    private sealed record Claimed(Guid Id, int Attempts, Guid? SubscriberId, string? Email, SubscriberStatus? Status, bool OnList);

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter campaign {CampaignId} started for {Recipients} recipient(s).")]
    private partial void LogStarted(int campaignId, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter campaign {CampaignId} finished.")]
    private partial void LogFinished(int campaignId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newsletter copy {DeliveryId} was refused for good; the subscriber is marked as bounced.")]
    private partial void LogRejected(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newsletter copy {DeliveryId} failed on attempt {Attempt}; it will be retried.")]
    private partial void LogRetrying(Exception exception, Guid deliveryId, int attempt);
}

/// <summary>Wakes the campaign sender between its polls (e.g. when an editor presses "Skicka nu").</summary>
public sealed class CampaignSignal : WakeSignal;

/// <summary>Runs <see cref="CampaignSender"/> in the background; once an hour it also removes stale sign-ups.</summary>
public sealed class CampaignSendService(CampaignSender sender, CampaignSignal signal, IOptions<NewsletterOptions> options,
    ILogger<CampaignSendService> logger) : PeriodicJobService(logger)
{
    protected override bool Enabled => options.Value.BackgroundSending;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string JobName => "newsletter sending";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => sender.RunDueAsync(cancellationToken);

    protected override async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        await sender.PurgeUnconfirmedAsync(cancellationToken);
        await sender.PurgeOldCopiesAsync(cancellationToken);
    }

    protected override Task WaitForNextPassAsync(TimeSpan interval, CancellationToken cancellationToken) => signal.WaitAsync(interval, cancellationToken);
}
