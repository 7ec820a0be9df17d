namespace Samordna.Web.Features.Pages;

/// <summary>
/// English for the content pages' frame and the editors' tools (pages and the editorial start page). The pages'
/// own text is written by the editors in Swedish and is not translated.
/// </summary>
public static class PagesEnglish
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        // Public pages
        ["Senast uppdaterad"] = "Last updated",
        ["Redigera sidan"] = "Edit page",

        // Editorial start page and menu
        ["Redaktionens meny"] = "Editorial menu",
        ["Översikt"] = "Overview",
        ["Sidor"] = "Pages",
        ["Dokument"] = "Documents",
        ["Nyhetsbrev"] = "Newsletter",
        ["Årsredovisningar, styrelseprotokoll och anslagstavlan som PDF."] = "Annual reports, board minutes and the notice board as PDF.",
        ["Webbinarier, frukostmöten, workshoppar och mingel med anmälan."] = "Webinars, breakfast meetings, workshops and mingles with registration.",
        ["Prenumeranter, utskick och arkivet över skickade nyhetsbrev."] = "Subscribers, mailings and the archive of sent newsletters.",
        ["Redaktörens verktyg för webbplatsens sidor och nyheter."] = "The editor's tools for the website's pages and news.",
        ["Här skriver och ändrar du innehållet på den öppna webbplatsen. Det du sparar syns direkt för alla besökare."] =
            "Here you write and change the content of the public website. What you save is shown to all visitors at once.",
        ["Om förbundet, kontakt, tillgänglighetsredogörelsen, personuppgifter, cookies och egna sidor. Varje sparad version finns kvar och kan återställas."] =
            "About us, contact, the accessibility statement, privacy, cookies and your own pages. Every saved version is kept and can be restored.",
        ["Skriv, publicera och arkivera nyheter."] = "Write, publish and archive news.",

        // Page list
        ["De fem första sidorna måste finnas på alla förbunds webbplatser. Du kan ändra dem, men inte ta bort dem. Egna sidor får adressen /sida/ följt av titeln."] =
            "The first five pages must exist on every association's website. You can change them but not delete them. Your own pages get the address /sida/ followed by the title.",
        ["Ny sida"] = "New page",
        ["Webbplatsens sidor"] = "The website's pages",
        ["Sida"] = "Page",
        ["Adress"] = "Address",
        ["Senast ändrad"] = "Last changed",
        ["Obligatorisk"] = "Required",
        ["version"] = "version",

        // Page form
        ["Titel"] = "Title",
        ["Blir sidans huvudrubrik och syns i webbläsarens flik. Högst 150 tecken."] =
            "Becomes the page's main heading and is shown in the browser tab. At most 150 characters.",
        ["Beskrivning"] = "Description",
        ["En eller två meningar om vad sidan handlar om. Visas i sökmotorernas träfflistor och när någon delar en länk. Högst 300 tecken."] =
            "One or two sentences about what the page is about. Shown in search results and when someone shares a link. At most 300 characters.",
        ["Text"] = "Text",
        ["Skrivs i Markdown: lämna en tom rad mellan stycken och börja rubriker med ##. Titeln ovan är sidans enda huvudrubrik."] =
            "Written in Markdown: leave an empty line between paragraphs and start headings with ##. The title above is the page's only main heading.",
        ["Förhandsgranska"] = "Preview",
        ["Förhandsgranskning"] = "Preview",
        ["Inte sparad"] = "Not saved",
        ["Skapa sidan"] = "Create page",
        ["Sidan får en adress som börjar med /sida/ följt av titeln, till exempel /sida/arsredovisning-2026. Adressen ändras inte om du byter titel senare. Sidan syns för alla så fort du sparar, men den visas inte i menyn: länka till den från en annan sida eller nyhet."] =
            "The page gets an address starting with /sida/ followed by the title, for example /sida/arsredovisning-2026. The address does not change if you change the title later. The page is visible to everyone as soon as you save, but it is not shown in the menu: link to it from another page or a news item.",

        // Markdown help
        ["Så formaterar du texten"] = "How to format the text",
        ["Markdown, de vanligaste formaten"] = "Markdown, the most common formats",
        ["Du skriver"] = "You write",
        ["Det blir"] = "You get",
        ["En rubrik. ### ger en underrubrik."] = "A heading. ### gives a subheading.",
        ["En tom rad"] = "An empty line",
        ["Ett nytt stycke."] = "A new paragraph.",
        ["fet"] = "bold",
        ["kursiv"] = "italic",
        ["En punktlista, en rad per punkt."] = "A bulleted list, one line per item.",
        ["En numrerad lista."] = "A numbered list.",
        ["länktext"] = "link text",
        ["En länk. Skriv en länktext som säger vart länken leder, inte ”klicka här”."] =
            "A link. Write link text that says where the link leads, not \"click here\".",
        ["En länk till en sida på den här webbplatsen."] = "A link to a page on this website.",
        ["En e-postlänk."] = "An e-mail link.",
        ["En tabell. Första raden blir kolumnrubriker."] = "A table. The first row becomes the column headers.",
        ["HTML-kod visas som vanlig text, och länkar som inte börjar med https://, http://, mailto:, tel: eller / tas bort."] =
            "HTML code is shown as plain text, and links that do not start with https://, http://, mailto:, tel: or / are removed.",

        // Edit page
        ["Redigera sida"] = "Edit page",
        ["Version"] = "Version",
        ["sparad"] = "saved",
        ["av"] = "by",
        ["Någon annan har sparat sidan medan du skrev."] = "Someone else saved the page while you were writing.",
        ["sparade version"] = "saved version",
        ["Din text är inte sparad, men den finns kvar i formuläret nedan. Jämför med den sparade versionen och för in det som ska vara kvar. Trycker du på Spara igen ersätter din text den sparade."] =
            "Your text is not saved, but it is still in the form below. Compare it with the saved version and bring over what should stay. If you press Save again, your text replaces the saved one.",
        ["Visa den sparade texten"] = "Show the saved text",
        ["Tidigare versioner"] = "Earlier versions",
        ["Sidan har inga sparade versioner."] = "The page has no saved versions.",
        ["Alla sparade versioner av sidan, den senaste först"] = "All saved versions of the page, newest first",
        ["Sparad"] = "Saved",
        ["Av"] = "By",
        ["Nuvarande"] = "Current",
        ["Ta bort sidan"] = "Delete page",
        ["Sidan och alla dess versioner tas bort. Länkar till sidan slutar fungera."] =
            "The page and all its versions are deleted. Links to the page stop working.",
        ["Vill du ta bort sidan och alla dess versioner? Det går inte att ångra."] =
            "Do you want to delete the page and all its versions? This cannot be undone.",

        // Revision page
        ["Tillbaka till sidan"] = "Back to the page",
        ["Sidan har sparats på nytt sedan du öppnade den här versionen, så ingenting återställdes. Kontrollera den nuvarande versionen och försök igen om du fortfarande vill återställa."] =
            "The page has been saved again since you opened this version, so nothing was restored. Check the current version and try again if you still want to restore.",
        ["Det här är den version som syns på webbplatsen nu."] = "This is the version shown on the website now.",
        ["Vill du återställa den här versionen? Den ersätter sidans nuvarande text, men den nuvarande texten finns kvar bland de tidigare versionerna."] =
            "Do you want to restore this version? It replaces the page's current text, but the current text stays among the earlier versions.",
        ["Återställ den här versionen"] = "Restore this version",
        ["Den nuvarande texten sparas som en tidigare version och går att få tillbaka."] =
            "The current text is kept as an earlier version and can be brought back.",
        ["Så såg sidan ut"] = "How the page looked",
        ["Visa texten som den skrevs (Markdown)"] = "Show the text as it was written (Markdown)",
    };
}
