using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Platform.Sms;

namespace Samordna.Tests.Platform.Sms;

/// <summary>Reading the SMS the application sends, as <see cref="MailExtensions"/> does for e-mail.</summary>
public static partial class SmsTestExtensions
{
    public static Task<SmsDispatchSummary> DispatchSmsAsync(this SamordnaFactory factory) =>
        factory.Services.GetRequiredService<SmsDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Every outbox row for the normalised number, oldest first, without dispatching.</summary>
    public static Task<List<OutboxSms>> OutboxSmsToAsync(this SamordnaFactory factory, string number) =>
        factory.WithDbAsync(db => db.Set<OutboxSms>().AsNoTracking()
            .Where(s => s.To == number)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Dispatches, then returns the one SMS sent to the number; fails if there is none or more than one.</summary>
    public static async Task<OutboxSms> SingleSentSmsToAsync(this SamordnaFactory factory, string number)
    {
        await factory.DispatchSmsAsync();
        var sent = (await factory.OutboxSmsToAsync(number)).Where(s => s.Status == OutboxSmsStatus.Sent).ToList();
        return sent.Count == 1
            ? sent[0]
            : throw new InvalidOperationException($"Expected one SMS to {number}, found {sent.Count}.");
    }

    /// <summary>The path of the first link in the text whose path starts with the prefix.</summary>
    public static string LinkTo(this OutboxSms sms, string pathPrefix) => LinkIn(sms.Text, pathPrefix);

    public static string LinkIn(string text, string pathPrefix) =>
        LinkPattern().Matches(text).Select(m => new Uri(m.Value.TrimEnd('.', ',', ')', ';')))
            .FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))?.PathAndQuery
        ?? throw new InvalidOperationException($"No link to {pathPrefix} in: {text}");

    public static string SmsFilePath(this SamordnaFactory factory, OutboxSms sms) =>
        Path.Combine(factory.DataDirectory, "sms", $"{sms.Id}.txt");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
