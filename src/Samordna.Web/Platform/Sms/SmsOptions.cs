using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Sms;

/// <summary>The "Sms" configuration section.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";
    public const string FileProvider = "File";
    public const string HttpProvider = "Http";

    /// <summary>"File" (default: text files in the data folder's sms/ folder, shown in the admin viewer) or "Http".</summary>
    public string Provider { get; set; } = FileProvider;

    /// <summary>Sender shown on the phone: at most 11 letters and digits (A–Z, 0–9), starting with a letter.</summary>
    public string From { get; set; } = "Samordna";

    public SmsHttpSettings Http { get; set; } = new();

    public int DispatchIntervalSeconds { get; set; } = 5;

    public bool BackgroundDispatch { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;

    public int RetryBaseSeconds { get; set; } = 60;

    public int LeaseSeconds { get; set; } = 120;

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Days a sent or failed message (and its file) is kept for the viewer; 0 keeps everything. Messages hold mobile
    /// numbers and invite links, so they go with the e-mail's default of 30 days.
    /// </summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Folder of the File provider. Defaults to sms/ in the data folder.</summary>
    public string Directory { get; set; } = "";

    public bool UsesFileProvider => string.Equals(Provider, FileProvider, StringComparison.OrdinalIgnoreCase);

    public bool UsesHttpProvider => string.Equals(Provider, HttpProvider, StringComparison.OrdinalIgnoreCase);

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var seconds = RetryBaseSeconds * Math.Pow(2, exponent);
        var max = TimeSpan.FromHours(6);
        return seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>An alphanumeric sender ID as operators accept it.</summary>
    public static bool IsValidSender(string? from) =>
        from is { Length: >= 1 and <= 11 } && char.IsAsciiLetter(from[0]) && from.All(char.IsAsciiLetterOrDigit);
}

/// <summary>A 46elks-style API: POST form fields to, from and message, with HTTP basic authentication.</summary>
public sealed class SmsHttpSettings
{
    /// <summary>E.g. https://api.46elks.com/a1/sms.</summary>
    public string Url { get; set; } = "";

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks the SMS settings when the application starts, so a wrong setting stops it with a clear message.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!options.UsesFileProvider && !options.UsesHttpProvider)
        {
            errors.Add($"Sms:Provider is '{options.Provider}'. Use \"File\" (writes messages to the data folder and the admin viewer) or \"Http\".");
        }
        if (!SmsOptions.IsValidSender(options.From))
        {
            errors.Add($"Sms:From '{options.From}' is not a sender name operators accept: 1 to 11 letters A–Z and digits, starting with a letter (e.g. HoppetOnline is 12, too long; Hoppet works).");
        }
        if (options.DispatchIntervalSeconds is < 1 or > 86_400)
        {
            errors.Add("Sms:DispatchIntervalSeconds must be between 1 and 86400.");
        }
        if (options.MaxAttempts is < 1 or > 50)
        {
            errors.Add("Sms:MaxAttempts must be between 1 and 50.");
        }
        if (options.RetryBaseSeconds is < 1 or > 86_400)
        {
            errors.Add("Sms:RetryBaseSeconds must be between 1 and 86400.");
        }
        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add("Sms:BatchSize must be between 1 and 1000.");
        }
        if (options.RetentionDays is < 0 or > 36_500)
        {
            errors.Add("Sms:RetentionDays must be between 0 (keep everything) and 36500.");
        }
        if (options.LeaseSeconds < options.Http.TimeoutSeconds + 30)
        {
            errors.Add($"Sms:LeaseSeconds ({options.LeaseSeconds}) must exceed Sms:Http:TimeoutSeconds ({options.Http.TimeoutSeconds}) by at least 30 seconds, or a slow send could be taken over and sent twice.");
        }
        if (options.UsesHttpProvider)
        {
            var http = options.Http;
            if (!Uri.TryCreate(http.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("Sms:Provider is Http but Sms:Http:Url is not an absolute http(s) address, e.g. https://api.46elks.com/a1/sms.");
            }
            if (string.IsNullOrWhiteSpace(http.Username) || string.IsNullOrEmpty(http.Password))
            {
                errors.Add("Sms:Provider is Http but Sms:Http:Username or Sms:Http:Password is empty (the provider's API user and password).");
            }
            if (http.TimeoutSeconds is < 1 or > 300)
            {
                errors.Add("Sms:Http:TimeoutSeconds must be between 1 and 300.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
