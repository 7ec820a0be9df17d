using Microsoft.Extensions.Options;

namespace Samordna.Web.Features.Events;

/// <summary>The "Events" configuration section.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>How long before the start the reminder with the join link is sent.</summary>
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>Days after an event that its registrations are anonymised (names, addresses, needs); counts remain.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the background job looks for reminders to send and registrations to anonymise.</summary>
    public int JobIntervalSeconds { get; set; } = 60;

    /// <summary>Whether this node runs the background job (tests turn it off and run the job by hand).</summary>
    public bool BackgroundJobs { get; set; } = true;

    public TimeSpan ReminderLead => TimeSpan.FromHours(ReminderHoursBefore);
}

/// <summary>Stops the application at start with a clear message when an Events setting is out of range.</summary>
public sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ReminderHoursBefore is < 1 or > 24 * 14)
        {
            errors.Add("Events:ReminderHoursBefore must be between 1 and 336 (two weeks).");
        }
        if (options.RetentionDays is < 0 or > 3650)
        {
            errors.Add("Events:RetentionDays must be between 0 (anonymise as soon as the event is over) and 3650.");
        }
        if (options.JobIntervalSeconds is < 5 or > 3600)
        {
            errors.Add("Events:JobIntervalSeconds must be between 5 and 3600.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
