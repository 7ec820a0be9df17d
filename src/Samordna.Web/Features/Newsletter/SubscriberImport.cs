using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Features.Newsletter;

/// <summary>One row of an import file, as understood.</summary>
public sealed record ImportRow(int Line, string Email, string? Name, IReadOnlyList<int> ListIds, string Evidence, DateTimeOffset? ConsentAt);

/// <summary>A row that will not be imported, and why (in Swedish).</summary>
public sealed record RejectedRow(int Line, string Text, string Reason);

public sealed record ImportPlan(IReadOnlyList<ImportRow> Accepted, IReadOnlyList<RejectedRow> Rejected, string? FileError);

/// <summary>
/// Imports subscribers from CSV (e.g. from an earlier newsletter tool). Consent is not assumed: every row must say
/// what shows the person's consent (column "samtycke"), or it is rejected. Imported addresses count as confirmed,
/// since the consent was given elsewhere; addresses already in the register are left as they are.
/// Columns: e-post (required), samtycke (required), namn, listor (list names or short names, separated by |),
/// samtyckesdatum (yyyy-mm-dd). Separator ; or ,.
/// </summary>
public sealed class SubscriberImport(AppDbContext db, TimeProvider time, AuditLog audit)
{
    public const int MaxRows = 50_000;

    public const string AuditAction = "newsletter.imported";

    private static readonly string[] EmailColumns = ["e-post", "epost", "e-postadress", "email", "e-mail"];
    private static readonly string[] ConsentColumns = ["samtycke", "underlag", "consent"];
    private static readonly string[] NameColumns = ["namn", "name"];
    private static readonly string[] ListColumns = ["listor", "lista", "lists"];
    private static readonly string[] DateColumns = ["samtyckesdatum", "datum", "consent_date"];

    public async Task<ImportPlan> PlanAsync(string csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = Csv.Parse(csv);
        if (rows.Count < 2)
        {
            return new ImportPlan([], [], "Filen har inga rader att importera. Första raden ska vara kolumnnamn, till exempel: e-post;namn;listor;samtycke");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return new ImportPlan([], [], $"Filen har fler än {MaxRows} rader. Dela upp den.");
        }
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string[] names) => header.FindIndex(names.Contains);
        var emailAt = Column(EmailColumns);
        var consentAt = Column(ConsentColumns);
        if (emailAt < 0 || consentAt < 0)
        {
            return new ImportPlan([], [], "Filen måste ha kolumnerna \"e-post\" och \"samtycke\" (vad som visar att personen har samtyckt, till exempel \"Anmälan på frukostmöte 2026-03-12\").");
        }
        var nameAt = Column(NameColumns);
        var listsAt = Column(ListColumns);
        var dateAt = Column(DateColumns);

        var lists = await db.Set<NewsletterList>().AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(cancellationToken);
        var existing = (await db.Set<Subscriber>().Select(s => s.NormalizedEmail).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<ImportRow>();
        var rejected = new List<RejectedRow>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            string Cell(int at) => at >= 0 && at < row.Count ? row[at].Trim() : "";
            var text = string.Join("; ", row);
            var email = NewsletterConsent.Normalise(Cell(emailAt), out var error);
            if (email is null)
            {
                rejected.Add(new RejectedRow(line, text, error == NewsletterConsent.InvalidAddress ? "Ogiltig e-postadress." : "E-postadress saknas."));
                continue;
            }
            var normalized = email.ToLowerInvariant();
            var evidence = Cell(consentAt);
            if (evidence.Length == 0)
            {
                rejected.Add(new RejectedRow(line, text, "Underlag för samtycke saknas."));
                continue;
            }
            if (evidence.Length > Subscriber.ConsentEvidenceMaxLength)
            {
                rejected.Add(new RejectedRow(line, text, $"Underlaget för samtycke är längre än {Subscriber.ConsentEvidenceMaxLength} tecken."));
                continue;
            }
            var name = Cell(nameAt);
            if (name.Length > Subscriber.NameMaxLength)
            {
                rejected.Add(new RejectedRow(line, text, $"Namnet är längre än {Subscriber.NameMaxLength} tecken."));
                continue;
            }
            var listIds = new List<int>();
            var unknown = new List<string>();
            foreach (var wanted in Cell(listsAt).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var list = lists.FirstOrDefault(l => string.Equals(l.Name, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Slug, wanted, StringComparison.OrdinalIgnoreCase));
                if (list is null)
                {
                    unknown.Add(wanted);
                }
                else if (!listIds.Contains(list.Id))
                {
                    listIds.Add(list.Id);
                }
            }
            if (unknown.Count > 0)
            {
                rejected.Add(new RejectedRow(line, text, $"Okänd lista: {string.Join(", ", unknown)}."));
                continue;
            }
            if (listIds.Count == 0 && lists.Count > 0)
            {
                listIds.Add(lists[0].Id);
            }
            DateTimeOffset? consentDate = null;
            var date = Cell(dateAt);
            if (date.Length > 0)
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ||
                    day.ToDateTime(TimeOnly.MinValue) > time.GetUtcNow().UtcDateTime)
                {
                    rejected.Add(new RejectedRow(line, text, "Samtyckesdatum ska skrivas ÅÅÅÅ-MM-DD och får inte ligga i framtiden."));
                    continue;
                }
                consentDate = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            if (existing.Contains(normalized))
            {
                rejected.Add(new RejectedRow(line, text, "Adressen finns redan i registret; den lämnas som den är."));
                continue;
            }
            if (!seen.Add(normalized))
            {
                rejected.Add(new RejectedRow(line, text, "Adressen förekommer flera gånger i filen; bara den första raden används."));
                continue;
            }
            accepted.Add(new ImportRow(line, email, name.Length == 0 ? null : name, listIds, evidence, consentDate));
        }
        return new ImportPlan(accepted, rejected, null);
    }

    /// <summary>Adds the accepted rows (again checked against the register) and logs the import; returns how many were added.</summary>
    public async Task<int> ImportAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var row in plan.Accepted)
        {
            var id = Guid.CreateVersion7(now);
            db.Set<Subscriber>().Add(new Subscriber
            {
                Id = id,
                Email = row.Email,
                NormalizedEmail = row.Email.ToLowerInvariant(),
                Name = row.Name,
                Status = SubscriberStatus.Confirmed,
                ConsentVersion = "import",
                ConsentAt = row.ConsentAt ?? now,
                ConsentSource = NewsletterConsent.Import,
                ConsentEvidence = row.Evidence,
                CreatedAt = now,
                ConfirmedAt = now,
                Subscriptions = [.. row.ListIds.Select(l => new Subscription { SubscriberId = id, ListId = l })],
            });
            added++;
        }
        audit.Add(AuditAction, "NewsletterSubscribers", null, $"{added} prenumeranter importerade från CSV, {plan.Rejected.Count} rader avvisade.");
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Every subscriber as CSV (semicolons, UTF-8 with BOM for Excel), and an audit entry saying who took it.</summary>
    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var lists = await db.Set<NewsletterList>().AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var subscribers = await db.Set<Subscriber>().AsNoTracking().Include(s => s.Subscriptions)
            .OrderBy(s => s.NormalizedEmail).ToListAsync(cancellationToken);
        var csv = new StringBuilder("e-post;namn;status;listor;samtycke;samtyckesdatum;samtyckestext;källa;bekräftad;avslutad\r\n");
        foreach (var s in subscribers)
        {
            string[] cells =
            [
                s.Email, s.Name ?? "", SubscriptionService.StatusName(s.Status),
                string.Join("|", s.Subscriptions.Select(x => lists.GetValueOrDefault(x.ListId, "")).Order(StringComparer.Ordinal)),
                s.ConsentEvidence ?? "", Date(s.ConsentAt), s.ConsentVersion, s.ConsentSource, Date(s.ConfirmedAt), Date(s.UnsubscribedAt),
            ];
            csv.AppendJoin(';', cells.Select(Csv.Field)).Append("\r\n");
        }
        await audit.WriteAsync(AuditActions.PersonalDataExported, "NewsletterSubscribers", null,
            $"Prenumerantregistret exporterat som CSV ({subscribers.Count} adresser).", cancellationToken: cancellationToken);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Date(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
