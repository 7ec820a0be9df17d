using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Platform.Email;

namespace Samordna.Tests.Infrastructure;

/// <summary>
/// Reading the mail the application sends. In tests the background dispatcher polls only hourly (it still wakes
/// after a save), so a test sends what is due with <see cref="DispatchMailAsync"/>; <see cref="SentMailsToAsync"/>
/// does that first and returns what reached one address.
/// </summary>
public static partial class MailExtensions
{
    /// <summary>Sends every message due now, as the background dispatcher would, and returns when done.</summary>
    public static Task<EmailDispatchSummary> DispatchMailAsync(this SamordnaFactory factory) =>
        factory.Services.GetRequiredService<EmailDispatcher>().DispatchDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Dispatches, then returns the messages sent to <paramref name="address"/> (any case), oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxEmail>> SentMailsToAsync(this SamordnaFactory factory, string address)
    {
        await factory.DispatchMailAsync();
        return (await factory.OutboxMailsToAsync(address)).Where(m => m.Status == OutboxEmailStatus.Sent).ToList();
    }

    /// <summary>The one message sent to <paramref name="address"/>; fails if there is none or more than one.</summary>
    public static async Task<OutboxEmail> SingleSentMailToAsync(this SamordnaFactory factory, string address)
    {
        var mails = await factory.SentMailsToAsync(address);
        return mails.Count == 1
            ? mails[0]
            : throw new InvalidOperationException($"Expected one e-mail to {address}, found {mails.Count}: {string.Join(" | ", mails.Select(m => m.Subject))}");
    }

    /// <summary>Every outbox row for <paramref name="address"/> in any status, oldest first, without dispatching.</summary>
    public static Task<List<OutboxEmail>> OutboxMailsToAsync(this SamordnaFactory factory, string address) =>
        factory.WithDbAsync(async db =>
        {
            var all = await db.Set<OutboxEmail>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            return all.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
        });

    /// <summary>The absolute http(s) links in the text part, in order.</summary>
    public static IReadOnlyList<Uri> Links(this OutboxEmail mail) =>
        [.. LinkPattern().Matches(mail.TextBody).Select(m => new Uri(m.Value.TrimEnd('.', ',', ')', ';')))];

    /// <summary>
    /// The path and query of the first link whose path starts with <paramref name="pathPrefix"/>, ready for a test
    /// client (e.g. mail.LinkTo("/konto/aterstall-losenord")).
    /// </summary>
    public static string LinkTo(this OutboxEmail mail, string pathPrefix) =>
        mail.Links().FirstOrDefault(u => u.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))?.PathAndQuery
        ?? throw new InvalidOperationException($"No link to {pathPrefix} in the e-mail \"{mail.Subject}\":\n{mail.TextBody}");

    /// <summary>Where the File transport wrote the message.</summary>
    public static string MailFilePath(this SamordnaFactory factory, OutboxEmail mail) =>
        Path.Combine(factory.DataDirectory, "mail", $"{mail.Id}.eml");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
