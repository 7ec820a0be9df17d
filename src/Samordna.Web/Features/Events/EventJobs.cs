using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Jobs;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The calendar's scheduled work: reminders before the start, and anonymising registrations after the retention
/// period. Each reminder is queued in the same transaction that records it was sent for this start time, with an
/// idempotency key of registration and start time: a crash before the commit leaves it due (it goes at the next
/// pass), a crash after it leaves it done, and two nodes racing insert the same outbox key, which the database
/// refuses the second time. A postponement to a new time makes the registration due again.
/// </summary>
public sealed partial class EventJobs(IServiceScopeFactory scopes, TimeProvider time, IOptions<EventsOptions> options, ILogger<EventJobs> logger)
{
    private const int BatchSize = 100;

    /// <summary>Queues the reminders that are due now; returns how many.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var failed = new HashSet<int>();
        while (true)
        {
            var now = time.GetUtcNow();
            var windowEnd = now + options.Value.ReminderLead;
            List<int> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                due = await Due(db, now, windowEnd)
                    .OrderBy(r => r.Id)
                    .Select(r => r.Id)
                    .Take(BatchSize + failed.Count)
                    .ToListAsync(cancellationToken);
            }
            due.RemoveAll(failed.Contains);
            if (due.Count == 0)
            {
                break;
            }
            foreach (var id in due)
            {
                if (await RemindAsync(id, cancellationToken))
                {
                    total++;
                }
                else
                {
                    failed.Add(id);
                }
            }
        }
        if (total > 0)
        {
            LogReminders(total);
        }
        return total;
    }

    private static IQueryable<EventRegistration> Due(AppDbContext db, DateTimeOffset now, DateTimeOffset windowEnd) =>
        db.Set<EventRegistration>().Where(r =>
            r.Status == RegistrationStatus.Confirmed
            && r.Email != null
            && (r.Event!.State == EventState.Published || (r.Event.State == EventState.Postponed && !r.Event.NewDateToBeAnnounced))
            && r.Event.StartsAt > now
            && r.Event.StartsAt <= windowEnd
            && (r.RemindedForStart == null || r.RemindedForStart != r.Event.StartsAt));

    /// <summary>One reminder in its own unit of work; false when it could not be recorded (another node took it).</summary>
    private async Task<bool> RemindAsync(int registrationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mails = scope.ServiceProvider.GetRequiredService<EventMails>();
        var now = time.GetUtcNow();
        var registration = await Due(db, now, now + options.Value.ReminderLead)
            .Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null)
        {
            return false;
        }
        registration.RemindedForStart = registration.Event!.StartsAt;
        mails.Reminder(registration.Event, registration);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            LogReminderRace(ex, registrationId);
            return false;
        }
    }

    /// <summary>
    /// Anonymises the registrations of events that ended more than Events:RetentionDays ago: names, addresses,
    /// phone numbers, needs and links are removed; status and attendance stay, so the counts remain. Contact details
    /// of topic suggestions go the same number of days after they were handled. Returns the events anonymised.
    /// </summary>
    public async Task<int> AnonymiseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expired = await db.Set<CalendarEvent>()
            .Where(e => e.AnonymisedAt == null && e.EndsAt <= cutoff && !(e.State == EventState.Postponed && e.NewDateToBeAnnounced))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<EventRegistration>()
                .Where(r => r.EventId == id && r.AnonymisedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Name, "")
                    .SetProperty(r => r.Email, (string?)null)
                    .SetProperty(r => r.NormalizedEmail, (string?)null)
                    .SetProperty(r => r.Organisation, "")
                    .SetProperty(r => r.Phone, (string?)null)
                    .SetProperty(r => r.Needs, (string?)null)
                    .SetProperty(r => r.Token, (string?)null)
                    .SetProperty(r => r.BaseUrl, "")
                    .SetProperty(r => r.AnonymisedAt, now),
                    cancellationToken);
            await db.Set<CalendarEvent>().Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.AnonymisedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await db.Set<TopicSuggestion>()
            .Where(s => s.HandledAt != null && s.HandledAt <= cutoff && (s.Name != null || s.Email != null || s.Organisation != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Name, (string?)null)
                .SetProperty(x => x.Email, (string?)null)
                .SetProperty(x => x.Organisation, (string?)null),
                cancellationToken);
        if (expired.Count > 0)
        {
            LogAnonymised(expired.Count, options.Value.RetentionDays);
        }
        return expired.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} event reminder(s).")]
    private partial void LogReminders(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node queued the reminder of registration {RegistrationId} first; skipped.")]
    private partial void LogReminderRace(Exception exception, int registrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anonymised the registrations of {Count} event(s) that ended more than {Days} days ago (Events:RetentionDays).")]
    private partial void LogAnonymised(int count, int days);
}

/// <summary>Runs <see cref="EventJobs"/> every Events:JobIntervalSeconds on this node, unless Events:BackgroundJobs is false.</summary>
public sealed class EventJobsService(EventJobs jobs, IOptions<EventsOptions> options, ILogger<EventJobsService> logger) : PeriodicJobService(logger)
{
    protected override bool Enabled => options.Value.BackgroundJobs;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobIntervalSeconds);

    protected override string JobName => "calendar (reminders, anonymisation)";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await jobs.SendDueRemindersAsync(cancellationToken);
        await jobs.AnonymiseExpiredAsync(cancellationToken);
    }
}
