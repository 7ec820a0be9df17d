using Samordna.BrowserTests.Infrastructure;

namespace Samordna.BrowserTests;

/// <summary>
/// Every page the site has, and who may see it. The accessibility and small-screen tests run on each row, so a new
/// area adds its URLs here (a row with Skip names a page that is planned but not built yet).
/// </summary>
public static class SitePages
{
    /// <summary>Pages anyone can open.</summary>
    public static readonly string[] Public =
    [
        "/",
        "/om",
        "/kontakt",
        "/tillganglighet",
        "/personuppgifter",
        "/cookies",
        "/konto/logga-in",
        "/konto/glomt-losenord",
        "/kalender",
        "/kalender/arkiv",
        "/kalender/foresla-amne",
        "/kalender/2026-12-09-frukostmote-samre",
        "/kalender/2026-11-09-hur-vet-vi-behovet-utan-anvandaren",
        "/kalender/2020-03-19-eftermiddagsmingel-asf",
        "/nyheter",
        "/nyheter/2020/03",
        "/nyheter/2020/02",
        "/nyheter/2020/03/digitalt-drop-in",
        "/nyheter/amne/hoppet",
        "/dokument",
        "/dokument?kategori=styrelseprotokoll",
        "/sok",
        "/sok?q=%C3%A5rsredovisning",
        "/sok?q=xyzzy",
        "/nyhetsbrev",
        "/nyhetsbrev/tack",
        "/nyhetsbrev/arkiv",
        "/nyhetsbrev/arkiv/1",
        "/motesplats",
        "/motesplats/hoppetonline/om",
    ];

    /// <summary>Pages behind a sign-in, with the demo account that opens them.</summary>
    public static readonly (string Url, Visitor Visitor)[] SignedIn =
    [
        ("/konto", Visitor.Staff),
        ("/konto/enheter", Visitor.Staff),
        ("/konto/losenord", Visitor.Staff),
        ("/konto/tvastegsverifiering", Visitor.Staff),
        ("/konto", Visitor.Participant),
        ("/konto/tvastegsverifiering", Visitor.Participant),
        ("/admin/anvandare/bjud-in", Visitor.Administrator),
        ("/admin", Visitor.Administrator),
        ("/admin/anvandare", Visitor.Administrator),
        ("/admin/logg", Visitor.Administrator),
        ("/admin/e-post", Visitor.Administrator),
        ("/admin/e-post/sms", Visitor.Administrator),
        ("/motesplats/hoppetonline/personal/inbjudningar", Visitor.Staff),
        ("/redaktion", Visitor.Administrator),
        ("/redaktion/sidor", Visitor.Administrator),
        ("/redaktion/sidor/ny", Visitor.Administrator),
        ("/redaktion/sidor/1", Visitor.Administrator),
        ("/redaktion/sidor/1/versioner/1", Visitor.Administrator),
        ("/redaktion/kalender", Visitor.Administrator),
        ("/redaktion/kalender/arkiv", Visitor.Administrator),
        ("/redaktion/kalender/nytt", Visitor.Administrator),
        ("/redaktion/kalender/forslag", Visitor.Administrator),
        ("/redaktion/kalender/1", Visitor.Administrator),
        ("/redaktion/kalender/1/anmalningar", Visitor.Administrator),
        ("/redaktion/kalender/10/anmalningar", Visitor.Administrator),
        ("/redaktion/kalender/1/meddelande", Visitor.Administrator),
        ("/redaktion/kalender/6/skjut-upp", Visitor.Administrator),
        ("/redaktion/kalender/6/stall-in", Visitor.Administrator),
        ("/redaktion/nyheter", Visitor.Administrator),
        ("/redaktion/nyheter/ny", Visitor.Administrator),
        ("/redaktion/dokument", Visitor.Administrator),
        ("/redaktion/dokument/ny", Visitor.Administrator),
        ("/redaktion/dokument/1", Visitor.Administrator),
        ("/redaktion/nyhetsbrev", Visitor.Administrator),
        ("/redaktion/nyhetsbrev/ny", Visitor.Administrator),
        ("/redaktion/nyhetsbrev/1", Visitor.Administrator),
        ("/redaktion/nyhetsbrev/prenumeranter", Visitor.Administrator),
        ("/redaktion/nyhetsbrev/importera", Visitor.Administrator),
        ("/motesplats", Visitor.Staff),
        ("/motesplats", Visitor.Participant),
        ("/motesplats/ny", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/installningar", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/oppettider", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/kanaler", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/kanaler/4", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/grupper", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/grupper/1", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/medlemmar", Visitor.Staff),
        ("/motesplats/hoppetonline/personal/medlemmar/3/ta-bort", Visitor.Staff),
        ("/motesplats/hoppetonline", Visitor.Participant),
        ("/motesplats/hoppetonline/spel", Visitor.Participant),
        ("/motesplats/hoppetonline/allmant", Visitor.Staff),
        ("/motesplats/hoppetonline/personalrummet", Visitor.Staff),
        ("/motesplats/hoppetonline/vagledning", Visitor.Participant),
    ];

    /// <summary>Pages answered with an error status on purpose: URL, expected status.</summary>
    public static readonly (string Url, int Status)[] ErrorPages =
    [
        ("/fel/404", 404),
        ("/motesplats/inbjudan/ogiltig-lank", 404),
        ("/nyhetsbrev/bekrafta?t=ogiltig", 400),
        ("/nyhetsbrev/installningar?t=ogiltig", 400),
        ("/nyhetsbrev/avsluta?t=ogiltig", 400),
    ];

    /// <summary>
    /// Planned pages that are not in the application yet, with the reason their rows are skipped. A test fails as
    /// soon as one of them exists, so the skip cannot outlive the missing page. Empty when all are built.
    /// </summary>
    public static readonly Dictionary<string, string> NotBuiltYet = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Who opens <paramref name="url"/> in the scans.</summary>
    public static Visitor VisitorOf(string url) =>
        SignedIn.FirstOrDefault(p => p.Url == url) is { Url: not null } page ? page.Visitor : Visitor.Anonymous;

    /// <summary>URL, visitor, expected status: every page, for the accessibility scan.</summary>
    public static TheoryData<string, Visitor, int> All
    {
        get
        {
            var data = new TheoryData<string, Visitor, int>();
            foreach (var url in Public)
            {
                data.Add(Row(url, Visitor.Anonymous, 200));
            }
            foreach (var (url, visitor) in SignedIn)
            {
                data.Add(Row(url, visitor, 200));
            }
            foreach (var (url, status) in ErrorPages)
            {
                data.Add(Row(url, Visitor.Anonymous, status));
            }
            return data;
        }
    }

    /// <summary>URL, visitor: every page that should render normally, for the small-screen check.</summary>
    public static TheoryData<string, Visitor> Ok
    {
        get
        {
            var data = new TheoryData<string, Visitor>();
            foreach (var url in Public)
            {
                data.Add(Row(url, Visitor.Anonymous));
            }
            foreach (var (url, visitor) in SignedIn)
            {
                data.Add(Row(url, visitor));
            }
            return data;
        }
    }

    private static TheoryDataRow<string, Visitor, int> Row(string url, Visitor visitor, int status) =>
        new(url, visitor, status) { Skip = NotBuiltYet.GetValueOrDefault(url) };

    private static TheoryDataRow<string, Visitor> Row(string url, Visitor visitor) =>
        new(url, visitor) { Skip = NotBuiltYet.GetValueOrDefault(url) };
}
