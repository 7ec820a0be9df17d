using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Events;

/// <summary>
/// Registrations, the waiting list and the places. Every change that can move a place runs in one transaction
/// that starts by bumping the event's <see cref="CalendarEvent.SeatChanges"/>: that UPDATE takes the event row's
/// lock on PostgreSQL and the write lock on SQLite, so registrations, cancellations and promotions for one event
/// are applied one at a time, on any number of nodes, and the counts read after it are exact. The e-mails are
/// queued in the same transaction, so a place is never given without its message (or the other way round).
/// Callers should not have the event tracked with unsaved changes in the same DbContext.
/// </summary>
public sealed class RegistrationService(AppDbContext db, EventMails mails, TimeProvider time, IOptions<EventsOptions> options)
{
    private const int Attempts = 3;

    /// <summary>
    /// Registers a person, or puts them on the waiting list when the event is full. A second post of the same form
    /// (same <paramref name="submissionId"/>) returns the first registration; another post with the same address
    /// changes nothing and mails the person their link again.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(int eventId, RegistrationInput input, Guid submissionId, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(eventId, input, submissionId, baseUrl, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The unique index on (event, address) is the guard of last resort; look again under the lock.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RegistrationResult> TryRegisterAsync(int eventId, RegistrationInput input, Guid submissionId, string baseUrl, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await LockAsync(eventId, cancellationToken);
        if (calendarEvent is null || calendarEvent.State == EventState.Draft)
        {
            return new RegistrationResult(RegistrationOutcome.NotFound, null);
        }
        var now = time.GetUtcNow();
        if (RegistrationRules.WhyClosed(calendarEvent, now) is { } reason)
        {
            return new RegistrationResult(RegistrationOutcome.Closed, null, reason);
        }

        var normalized = input.NormalizedEmail;
        var registration = await db.Set<EventRegistration>()
            .SingleOrDefaultAsync(r => r.EventId == eventId && r.NormalizedEmail == normalized, cancellationToken);
        if (registration is { Status: not RegistrationStatus.Cancelled })
        {
            if (registration.SubmissionId == submissionId)
            {
                return new RegistrationResult(Outcome(registration), registration, Repeated: true);
            }
            mails.AlreadyRegistered(calendarEvent, registration, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RegistrationResult(RegistrationOutcome.AlreadyRegistered, registration);
        }

        if (registration is null)
        {
            registration = new EventRegistration { EventId = eventId, CreatedAt = now };
            db.Add(registration);
        }
        else
        {
            // Registering again after cancelling: the same row, a new place in the queue and a new link.
            registration.Sequence++;
            registration.CancelledAt = null;
            registration.Attended = null;
        }
        registration.Token = EventLinks.NewToken();
        registration.Name = input.Name!;
        registration.Email = input.Email!.Trim();
        registration.NormalizedEmail = normalized;
        registration.Organisation = input.Organisation!;
        registration.Phone = input.Phone;
        registration.Needs = input.Needs;
        registration.ConsentedAt = now;
        registration.SubmissionId = submissionId;
        registration.QueuedAt = now;
        registration.UpdatedAt = now;
        registration.BaseUrl = baseUrl.Length <= EventRegistration.BaseUrlMaxLength ? baseUrl : baseUrl[..EventRegistration.BaseUrlMaxLength];

        var confirmed = await CountAsync(eventId, RegistrationStatus.Confirmed, cancellationToken);
        var waiting = await CountAsync(eventId, RegistrationStatus.Waitlisted, cancellationToken);
        var hasPlace = calendarEvent.Capacity is not { } capacity || (confirmed < capacity && waiting == 0);
        if (hasPlace)
        {
            Confirm(calendarEvent, registration, now);
        }
        else
        {
            registration.Status = RegistrationStatus.Waitlisted;
            registration.ConfirmedAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (hasPlace)
        {
            mails.Confirmed(calendarEvent, registration);
        }
        else
        {
            mails.Waitlisted(calendarEvent, registration, waiting + 1);
        }
        await FillFreePlacesAsync(calendarEvent, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationResult(Outcome(registration), registration);
    }

    /// <summary>
    /// Cancels a registration (by the person through their link, or by staff). A freed place goes to the first on
    /// the waiting list, who is told. The person cannot cancel once the event has started.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(int registrationId, bool byOrganiser, CancellationToken cancellationToken)
    {
        var eventId = await db.Set<EventRegistration>().Where(r => r.Id == registrationId).Select(r => (int?)r.EventId).SingleOrDefaultAsync(cancellationToken);
        if (eventId is null)
        {
            return CancelOutcome.NotFound;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await LockAsync(eventId.Value, cancellationToken);
        var registration = await db.Set<EventRegistration>().SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (calendarEvent is null || registration is null)
        {
            return CancelOutcome.NotFound;
        }
        await db.Entry(registration).ReloadAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return CancelOutcome.AlreadyCancelled;
        }
        if (!byOrganiser && now >= calendarEvent.StartsAt && !EventCalendarFiles.IsOff(calendarEvent))
        {
            return CancelOutcome.TooLate;
        }
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        registration.UpdatedAt = now;
        registration.Sequence++;
        await db.SaveChangesAsync(cancellationToken);
        if (byOrganiser)
        {
            mails.CancelledByOrganiser(calendarEvent, registration);
        }
        else
        {
            mails.CancelledByPerson(calendarEvent, registration);
        }
        await FillFreePlacesAsync(calendarEvent, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CancelOutcome.Cancelled;
    }

    /// <summary>Staff give a waiting person a place at once, adding a place when the event is full.</summary>
    public async Task<bool> GivePlaceAsync(int eventId, int registrationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await LockAsync(eventId, cancellationToken);
        var registration = await db.Set<EventRegistration>().SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
        if (calendarEvent is null || registration is null)
        {
            return false;
        }
        await db.Entry(registration).ReloadAsync(cancellationToken);
        if (registration.Status != RegistrationStatus.Waitlisted)
        {
            return false;
        }
        var now = time.GetUtcNow();
        var confirmed = await CountAsync(eventId, RegistrationStatus.Confirmed, cancellationToken);
        if (calendarEvent.Capacity is { } capacity && confirmed >= capacity)
        {
            calendarEvent.Capacity = confirmed + 1;
        }
        Confirm(calendarEvent, registration, now);
        registration.Sequence++;
        mails.Promoted(calendarEvent, registration);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets the number of places (null: no limit) and gives new places to the waiting list, in order.</summary>
    public async Task<int> SetCapacityAsync(int eventId, int? capacity, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var calendarEvent = await LockAsync(eventId, cancellationToken);
        if (calendarEvent is null)
        {
            return 0;
        }
        calendarEvent.Capacity = capacity;
        await db.SaveChangesAsync(cancellationToken);
        var promoted = await FillFreePlacesAsync(calendarEvent, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    /// <summary>The person changes their name, organisation, phone or needs through their own page.</summary>
    public async Task<bool> UpdateDetailsAsync(int registrationId, RegistrationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var registration = await db.Set<EventRegistration>().SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return false;
        }
        registration.Name = input.Name!;
        registration.Organisation = input.Organisation!;
        registration.Phone = input.Phone;
        registration.Needs = input.Needs;
        registration.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Bumps the event's seat counter (taking the lock) and returns the event as it is now, tracked. Null when it
    /// does not exist.
    /// </summary>
    public async Task<CalendarEvent?> LockAsync(int eventId, CancellationToken cancellationToken)
    {
        var updated = await db.Set<CalendarEvent>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SeatChanges, e => e.SeatChanges + 1), cancellationToken);
        if (updated == 0)
        {
            return null;
        }
        var calendarEvent = await db.Set<CalendarEvent>().SingleAsync(e => e.Id == eventId, cancellationToken);
        // If the caller had it tracked already, the query above returned that copy; read what is committed now.
        await db.Entry(calendarEvent).ReloadAsync(cancellationToken);
        return calendarEvent;
    }

    /// <summary>
    /// Gives free places to the waiting list in queue order and tells each person; returns how many. Call under
    /// the lock, after saving the change that freed the places. Nobody is promoted into an event that has started
    /// or is off.
    /// </summary>
    public async Task<int> FillFreePlacesAsync(CalendarEvent calendarEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (now >= calendarEvent.StartsAt || EventCalendarFiles.IsOff(calendarEvent))
        {
            return 0;
        }
        var waiting = db.Set<EventRegistration>()
            .Where(r => r.EventId == calendarEvent.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id);
        List<EventRegistration> next;
        if (calendarEvent.Capacity is { } capacity)
        {
            var free = capacity - await CountAsync(calendarEvent.Id, RegistrationStatus.Confirmed, cancellationToken);
            if (free <= 0)
            {
                return 0;
            }
            next = await waiting.Take(free).ToListAsync(cancellationToken);
        }
        else
        {
            next = await waiting.ToListAsync(cancellationToken);
        }
        foreach (var registration in next)
        {
            Confirm(calendarEvent, registration, now);
            registration.Sequence++;
            mails.Promoted(calendarEvent, registration);
        }
        return next.Count;
    }

    private void Confirm(CalendarEvent calendarEvent, EventRegistration registration, DateTimeOffset now)
    {
        registration.Status = RegistrationStatus.Confirmed;
        registration.ConfirmedAt = now;
        registration.UpdatedAt = now;
        // Inside the reminder window the confirmation itself carries everything the reminder would.
        if (now >= calendarEvent.StartsAt - options.Value.ReminderLead)
        {
            registration.RemindedForStart = calendarEvent.StartsAt;
        }
    }

    private Task<int> CountAsync(int eventId, RegistrationStatus status, CancellationToken cancellationToken) =>
        db.Set<EventRegistration>().CountAsync(r => r.EventId == eventId && r.Status == status, cancellationToken);

    private static RegistrationOutcome Outcome(EventRegistration registration) =>
        registration.Status == RegistrationStatus.Confirmed ? RegistrationOutcome.Confirmed : RegistrationOutcome.Waitlisted;
}

public enum RegistrationOutcome
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
    NotFound,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Registration">The registration (new, found again, or the existing one for the address).</param>
/// <param name="Reason">Why registration is closed, in Swedish.</param>
/// <param name="Repeated">The same form was sent again; nothing new happened.</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, EventRegistration? Registration, string? Reason = null, bool Repeated = false);

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    TooLate,
    NotFound,
}
