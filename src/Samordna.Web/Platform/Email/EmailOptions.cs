using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>The "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string FileTransport = "File";
    public const string SmtpTransport = "Smtp";

    /// <summary>"File" (default: .eml files in the data folder's mail/ folder) or "Smtp".</summary>
    public string Transport { get; set; } = FileTransport;

    /// <summary>Sender address. Defaults to Association:Email; with the File transport, to no-reply@localhost.</summary>
    public string From { get; set; } = "";

    /// <summary>Sender name. Defaults to Association:Name.</summary>
    public string FromName { get; set; } = "";

    /// <summary>How often the dispatcher looks for due messages when nobody wakes it.</summary>
    public int DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>Whether this node runs the background dispatcher (off: messages go only when something calls DispatchDueAsync).</summary>
    public bool BackgroundDispatch { get; set; } = true;

    /// <summary>Attempts before a message is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further failure, up to six hours.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>How long a claimed message is reserved for the node sending it before another may take over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    public int BatchSize { get; set; } = 50;

    /// <summary>Messages sent at the same time (SMTP connections), since one connection stalls on every message.</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>
    /// Days a sent or failed message (and its .eml file) is kept for the mail viewer before it is deleted; 0 keeps
    /// everything. Messages hold personal data (addresses, names, links), so they are not kept for ever by default:
    /// 30 days, the same as event registrations are kept after an event (Events:RetentionDays), so a confirmation
    /// mail does not outlive the registration it confirms by months.
    /// </summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Folder of the File transport. Defaults to mail/ in the data folder.</summary>
    public string Directory { get; set; } = "";

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesFileTransport => string.Equals(Transport, FileTransport, StringComparison.OrdinalIgnoreCase);

    public bool UsesSmtpTransport => string.Equals(Transport, SmtpTransport, StringComparison.OrdinalIgnoreCase);

    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.FromHours(6);

    /// <summary>Exponential back-off: the wait after the <paramref name="failedAttempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var seconds = RetryBaseSeconds * Math.Pow(2, exponent);
        return seconds >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(seconds);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>STARTTLS (port 587) or TLS; on by default. System.Net.Mail does not speak implicit TLS on port 465.</summary>
    public bool EnableSsl { get; set; } = true;

    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Checks the e-mail settings when the application starts, so a wrong setting stops it with a clear message.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!options.UsesFileTransport && !options.UsesSmtpTransport)
        {
            errors.Add($"Email:Transport is '{options.Transport}'. Use \"File\" (writes .eml files to the data folder) or \"Smtp\".");
        }
        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add("Email:From is empty. Set the sender address, e.g. Email__From=\"no-reply@samordningsforbund.se\" (or Association:Email).");
        }
        else if (!MailAddress.TryCreate(options.From, out var from) || from.Address != options.From.Trim() || !from.User.All(char.IsAscii))
        {
            errors.Add($"Email:From '{options.From}' is not a plain e-mail address such as no-reply@samordningsforbund.se. Put the name in Email:FromName.");
        }
        if (options.DispatchIntervalSeconds is < 1 or > 86_400)
        {
            errors.Add("Email:DispatchIntervalSeconds must be between 1 and 86400.");
        }
        if (options.MaxAttempts is < 1 or > 50)
        {
            errors.Add("Email:MaxAttempts must be between 1 and 50.");
        }
        if (options.RetryBaseSeconds is < 1 or > 86_400)
        {
            errors.Add("Email:RetryBaseSeconds must be between 1 and 86400.");
        }
        if (options.LeaseSeconds < options.Smtp.TimeoutSeconds + 30)
        {
            errors.Add($"Email:LeaseSeconds ({options.LeaseSeconds}) must exceed Email:Smtp:TimeoutSeconds ({options.Smtp.TimeoutSeconds}) by at least 30 seconds, or a slow send could be taken over and sent twice.");
        }
        if (options.RetentionDays is < 0 or > 36_500)
        {
            errors.Add("Email:RetentionDays must be between 0 (keep everything) and 36500.");
        }
        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add("Email:BatchSize must be between 1 and 1000.");
        }
        if (options.MaxParallelSends is < 1 or > 64)
        {
            errors.Add("Email:MaxParallelSends must be between 1 and 64.");
        }
        if (options.UsesSmtpTransport)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                errors.Add("Email:Transport is Smtp but Email:Smtp:Host is empty. Set Email__Smtp__Host (and Port, UserName, Password, EnableSsl), or use Email:Transport=File.");
            }
            if (smtp.Port is < 1 or > 65_535)
            {
                errors.Add($"Email:Smtp:Port {smtp.Port} is not a TCP port.");
            }
            if (smtp.Port == 465)
            {
                errors.Add("Email:Smtp:Port 465 (implicit TLS) is not supported by System.Net.Mail. Use port 587 with EnableSsl=true (STARTTLS).");
            }
            if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("Email:Smtp:UserName and Email:Smtp:Password must be set together (or both left empty for a relay without sign-in).");
            }
            if (smtp.TimeoutSeconds is < 1 or > 600)
            {
                errors.Add("Email:Smtp:TimeoutSeconds must be between 1 and 600.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
