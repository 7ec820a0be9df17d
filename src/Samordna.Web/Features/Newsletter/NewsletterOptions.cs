using Microsoft.Extensions.Options;

namespace Samordna.Web.Features.Newsletter;

/// <summary>The "Newsletter" configuration section.</summary>
public sealed class NewsletterOptions
{
    public const string Section = "Newsletter";

    /// <summary>
    /// The site's public address for links in campaign e-mails, e.g. https://www.samordna.se. When empty, the address
    /// the editor used when scheduling the campaign is used.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Campaign e-mails per second at most, to respect the relay's limits; 0 turns the limit off.</summary>
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>Parallel SMTP connections for campaigns.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Recipients claimed at a time (smaller when the send rate is low, so a batch takes at most ten seconds).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long claimed recipients are reserved before a restarted or other node may send them again.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts per recipient before temporary failures count as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first temporary failure; doubled after each further one.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>How often the sender looks for scheduled campaigns when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Whether this node sends campaigns in the background.</summary>
    public bool BackgroundSending { get; set; } = true;

    /// <summary>Days a sign-up that was never confirmed is kept before it is deleted.</summary>
    public int UnconfirmedDays { get; set; } = 30;

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromHours(6).TotalSeconds));
    }

    /// <summary>Recipients per batch, so that a batch at the configured rate takes about ten seconds at most.</summary>
    public int EffectiveBatchSize =>
        MessagesPerSecond > 0 ? (int)Math.Clamp(MessagesPerSecond * 10, 10, BatchSize) : BatchSize;
}

public sealed class NewsletterOptionsValidator : IValidateOptions<NewsletterOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsletterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) &&
            !(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"Newsletter:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) address such as https://www.samordna.se.");
        }
        if (options.MessagesPerSecond is < 0 or > 100_000)
        {
            errors.Add("Newsletter:MessagesPerSecond must be between 0 (no limit) and 100000.");
        }
        if (options.Connections is < 1 or > 64)
        {
            errors.Add("Newsletter:Connections must be between 1 and 64.");
        }
        if (options.BatchSize is < 1 or > 5000)
        {
            errors.Add("Newsletter:BatchSize must be between 1 and 5000.");
        }
        if (options.LeaseSeconds is < 2 or > 86_400)
        {
            errors.Add("Newsletter:LeaseSeconds must be between 2 and 86400.");
        }
        if (options.MaxAttempts is < 1 or > 50)
        {
            errors.Add("Newsletter:MaxAttempts must be between 1 and 50.");
        }
        if (options.RetryBaseSeconds is < 1 or > 86_400)
        {
            errors.Add("Newsletter:RetryBaseSeconds must be between 1 and 86400.");
        }
        if (options.PollSeconds is < 1 or > 3600)
        {
            errors.Add("Newsletter:PollSeconds must be between 1 and 3600.");
        }
        if (options.UnconfirmedDays is < 1 or > 365)
        {
            errors.Add("Newsletter:UnconfirmedDays must be between 1 and 365.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
