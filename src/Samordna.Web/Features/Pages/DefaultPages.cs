using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Pages;

/// <summary>A page's first text, as the default content seeder writes it.</summary>
public sealed record DefaultPage(string Slug, string Title, string Description, string Body);

/// <summary>
/// The first text of the required pages, in Swedish. Written once into an installation that lacks a page and then
/// the editors' to change; the contact details come from the Association configuration at that moment.
/// </summary>
public static class DefaultPages
{
    public const string AssessmentDate = "27 november 2026";

    public const string DiggReportUrl = "https://www.digg.se/tdosanmalan";

    public const string SeederName = "Standardinnehåll";

    public static IReadOnlyList<DefaultPage> For(SiteInfo site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return [About(site), Contact(site), Accessibility(site), Privacy(site), Cookies()];
    }

    private static DefaultPage About(SiteInfo site) => new(
        RequiredPages.About,
        "Om förbundet",
        "Förbundet är ett samarbete mellan Sigtuna, Upplands Väsby och Vallentuna kommuner, Region Stockholm, Försäkringskassan och Arbetsförmedlingen för personer som behöver stöd från flera av dem.",
        $"""
        {site.Name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser, som ofta kallas Finsam. Förbundet är en egen myndighet. Här samverkar medlemmarna så att den som behöver stöd från flera av dem får det samordnat, och kommer närmare arbete eller studier.

        ## Våra medlemmar

        Förbundet har sex medlemmar:

        - Sigtuna kommun
        - Upplands Väsby kommun
        - Vallentuna kommun
        - Region Stockholm
        - Försäkringskassan
        - Arbetsförmedlingen

        Försäkringskassan och Arbetsförmedlingen står tillsammans för hälften av förbundets medel. Region Stockholm står för en fjärdedel och de tre kommunerna tillsammans för en fjärdedel.

        ## Vem vi finns till för

        Förbundets insatser är till för personer i arbetsför ålder, 16–64 år, som behöver samordnat stöd för att kunna börja arbeta eller studera. Det kan till exempel handla om sjukdom, funktionsnedsättning, lång tid utan arbete eller en svår livssituation.

        Du kan inte ansöka om en insats direkt hos förbundet. Prata med din handläggare hos kommunen, Arbetsförmedlingen, Försäkringskassan eller vården, så kan ni tillsammans se om någon av förbundets insatser passar dig.

        ## Det här gör vi

        - **Resursteam** i varje kommun. Teamen har medarbetare från alla medlemmar och ger samordnat stöd till personer som behöver hjälp från flera av dem.
        - **HOPPET** för unga 16–29 år som varken arbetar eller studerar. HOPPET har en mötesplats i Upplands Väsby och en digital drop-in där unga kan träffa personal och andra unga på egna villkor.
        - **SAMRE-modellen** för personer som är sjukskrivna utan sjukpenning: en gemensam lokal överenskommelse mellan medlemmarna om hur de samarbetar.
        - **Kompetensutveckling** för medlemmarnas medarbetare och chefer, till exempel frukostmöten och webbinarier.
        - **Stöd till arbetsintegrerande sociala företag** genom ett idéburet offentligt partnerskap (IOP).

        ## Så styrs förbundet

        Förbundet leds av en styrelse där alla medlemmar är representerade. Styrelsen beslutar om mål, budget och vilka insatser förbundet finansierar. Ett kansli med förbundschef sköter det dagliga arbetet.

        Varje år följer vi upp hur många som har deltagit i insatserna och hur det har gått för dem efteråt. Styrelsens protokoll, verksamhetsplanen och årsredovisningen är allmänna handlingar som du kan begära att få läsa. Se [Kontakt](/kontakt).
        """);

    private static DefaultPage Contact(SiteInfo site)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(site.Email))
        {
            lines.Add($"E-post: {EmailLink(site)}");
        }
        if (!string.IsNullOrWhiteSpace(site.Phone))
        {
            lines.Add($"Telefon: {PhoneLink(site)}");
        }
        if (!string.IsNullOrWhiteSpace(site.PostalAddress))
        {
            lines.Add($"Postadress: {site.PostalAddress}");
        }
        if (!string.IsNullOrWhiteSpace(site.OrganisationNumber))
        {
            lines.Add($"Organisationsnummer: {site.OrganisationNumber}");
        }
        var office = lines.Count > 0
            ? string.Join("  \n", lines)
            : "Kansliets e-postadress, telefonnummer och postadress står längst ned på varje sida.";
        return new(
            RequiredPages.Contact,
            "Kontakt",
            "Kontaktuppgifter till förbundets kansli och till förbundets mediakontakt, och hur du begär ut allmänna handlingar.",
            $"""
            Välkommen att kontakta förbundets kansli med frågor om förbundet, om våra insatser eller om samverkan mellan medlemmarna.

            ## Förbundets kansli

            {office}

            Vi svarar på e-post inom tre arbetsdagar.

            ## Mediakontakt

            Är du journalist? Kontakta förbundets mediakontakt:

            Kipa Poikolainen, tel. [073-915 17 89](tel:+46739151789)

            ## Vill du få stöd från en insats?

            Förbundet tar inte emot ansökningar från enskilda personer. Prata med din handläggare hos kommunen, Arbetsförmedlingen, Försäkringskassan eller vården. Är du 16–29 år är du också välkommen att kontakta HOPPET direkt. Mötesplatsen finns på Runbyvägen 11 i Upplands Väsby.

            Skicka inte känsliga uppgifter, till exempel om din hälsa eller ditt personnummer, med vanlig e-post. Be oss hellre att ringa upp dig.

            ## Allmänna handlingar

            Förbundet är en myndighet och omfattas av offentlighetsprincipen. Vill du ta del av en allmän handling, till exempel ett styrelseprotokoll, kan du skicka en begäran till kansliet. Du behöver inte tala om vem du är eller varför du vill ha handlingen.

            ## Synpunkter på webbplatsen

            Hittar du något som inte fungerar eller som är svårt att använda? Läs vår [tillgänglighetsredogörelse](/tillganglighet) och hör av dig till oss.
            """);
    }

    private static DefaultPage Accessibility(SiteInfo site) => new(
        RequiredPages.Accessibility,
        "Tillgänglighetsredogörelse",
        "Hur tillgänglig webbplatsen är, vilka brister vi känner till, hur vi har granskat den och hur du rapporterar problem.",
        $"""
        {site.Name} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka tillgänglighetsproblem vi känner till och hur du kan rapportera brister till oss så att vi kan åtgärda dem.

        ## Hur tillgänglig är webbplatsen?

        Vi vet att vissa delar av webbplatsen inte är helt tillgängliga. Läs mer under rubriken Innehåll som inte är tillgängligt.

        ## Vad kan du göra om du inte kan använda delar av webbplatsen?

        Om du behöver innehåll från webbplatsen i ett annat format, till exempel en tillgänglig version av ett PDF-dokument eller en beskrivning av en bild, kan du kontakta oss:

        {ContactList(site)}

        Vi svarar inom fem arbetsdagar.

        ## Rapportera brister i webbplatsens tillgänglighet

        Vi arbetar hela tiden med att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, vill vi gärna veta det. Kontakta oss på samma sätt som ovan. Vi bekräftar att vi har fått ditt meddelande inom två arbetsdagar och svarar i sak inom tio arbetsdagar.

        ## Tillsyn

        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du [anmäla det till Digg]({DiggReportUrl}).

        ## Teknisk information om webbplatsens tillgänglighet

        Den här webbplatsen är **delvis förenlig** med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Lagens krav motsvarar nivå AA i WCAG 2.1, genom den europeiska standarden EN 301 549.

        ### Innehåll som inte är tillgängligt

        #### Bristande förenlighet med lagkraven

        - **PDF-dokument som redaktörer laddar upp.** Vissa dokument, till exempel protokoll, årsredovisningar och rapporter, skapas i andra program. De kan sakna taggar, rubrikstruktur och alternativtexter och kan då vara svåra att läsa med skärmläsare (WCAG 1.1.1, 1.3.1 och 2.4.2). Vi granskar nya dokument innan vi publicerar dem, lägger det viktigaste innehållet som text direkt på webbsidan och byter ut de äldre dokument som används mest mot tillgängliga versioner.
        - **Bilder i äldre nyheter.** Bilder i nyheter som publicerades innan vi började granska alternativtexter kan sakna alternativtext, eller ha en alternativtext som inte beskriver bilden (WCAG 1.1.1). När vi publicerar nya bilder skriver vi alltid en alternativtext, och vi går igenom de äldre nyheterna.

        #### Oskäligt betungande anpassning

        Vi gör inte gällande att någon anpassning skulle vara oskäligt betungande.

        #### Innehåll som inte omfattas av lagen

        - Dokument i format för kontorsprogram, till exempel PDF och Word, som publicerades före den 23 september 2018, om de inte behövs för att sköta ett pågående ärende.
        - Inspelade webbinarier och annan inspelad ljud- och videoinformation som publicerades före den 23 september 2020.

        ## Hur vi har testat webbplatsen

        Vi har gjort en självskattning (intern granskning) av webbplatsen mot nivå AA i WCAG 2.1:

        - automatiska tester av webbplatsens sidor med verktyget axe-core, mot reglerna för WCAG 2.1 AA,
        - manuella tester med enbart tangentbord: att allt går att nå och använda, att fokus syns och att ordningen är logisk,
        - manuella tester med skärmläsare (NVDA i Windows och VoiceOver i iOS),
        - kontroll av att sidorna går att använda vid 400 procents förstoring och på en skärm som är 320 pixlar bred.

        Senaste bedömningen gjordes den {AssessmentDate} (2026-11-27).

        Redogörelsen upprättades den {AssessmentDate}.
        """);

    private static DefaultPage Privacy(SiteInfo site)
    {
        var orgNumber = string.IsNullOrWhiteSpace(site.OrganisationNumber) ? "" : $" (organisationsnummer {site.OrganisationNumber})";
        var dpoEmail = string.IsNullOrWhiteSpace(site.Email)
            ? "via förbundets kansli, se [Kontakt](/kontakt). Skriv ”Till dataskyddsombudet” i ämnesraden eller på kuvertet"
            : $"genom att skicka e-post till {EmailLink(site)} med ”Till dataskyddsombudet” i ämnesraden"
                + (string.IsNullOrWhiteSpace(site.PostalAddress) ? "" : $", eller brev till {site.PostalAddress}, märkt ”Dataskyddsombudet”");
        return new(
            RequiredPages.Privacy,
            "Så behandlar vi dina personuppgifter",
            "Hur förbundet behandlar personuppgifter enligt dataskyddsförordningen (GDPR), på vilken rättslig grund, hur länge uppgifterna sparas och vilka rättigheter du har.",
            $"""
            Här beskriver vi hur förbundet behandlar personuppgifter i verksamheten och på den här webbplatsen, och vilka rättigheter du har enligt dataskyddsförordningen (GDPR).

            ## Personuppgiftsansvarig

            {site.Name}{orgNumber} är personuppgiftsansvarig. Det betyder att förbundet ansvarar för att dina personuppgifter behandlas korrekt, säkert och enligt lagen. Kontaktuppgifter finns på sidan [Kontakt](/kontakt).

            ## Vilka uppgifter vi behandlar och varför

            ### Om du deltar i en insats

            När du deltar i någon av förbundets insatser, till exempel Resursteamet eller HOPPET, registrerar vi uppgifter om dig: namn, personnummer, kontaktuppgifter, vilken insats du deltar i, hur du försörjer dig när insatsen börjar och slutar, vilka steg du tar under insatsen och hur insatsen avslutas.

            - **Varför:** för att planera och genomföra insatsen tillsammans med dig, och för att följa upp förbundets verksamhet. Uppföljningen redovisas till styrelsen och medlemmarna bara som statistik där ingen enskild person kan pekas ut.
            - **Rättslig grund:** uppgift av allmänt intresse och myndighetsutövning (artikel 6.1 e i dataskyddsförordningen), som följer av förbundets uppdrag enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.
            - **Hur länge:** under insatsen och därefter enligt förbundets dokumenthanteringsplan. Uppgifter som inte behöver bevaras enligt arkivlagen gallras.

            Du kan välja att delta utan att vi registrerar ditt namn och personnummer. Då följer vi upp insatsen utan uppgifter som pekar ut dig.

            Ibland behöver vi uppgifter om din hälsa för att stödet ska bli rätt. Vi registrerar bara det som behövs för insatsen, och uppgifterna skyddas av sekretess enligt offentlighets- och sekretesslagen.

            ### Om du använder den digitala mötesplatsen

            Till den digitala mötesplatsen blir du inbjuden av personalen. Vi behandlar det namn du väljer att visa, din e-postadress eller ditt mobilnummer för inbjudan och inloggning, och det du skriver i mötesplatsen.

            - **Varför:** för att du ska kunna delta i mötesplatsen och få stöd av personalen.
            - **Rättslig grund:** uppgift av allmänt intresse (artikel 6.1 e), som en del av insatsen.
            - **Hur länge:** så länge du är med i mötesplatsen och därefter enligt förbundets dokumenthanteringsplan.

            ### Om du prenumererar på nyhetsbrevet eller anmäler dig till ett evenemang

            Vi behandlar ditt namn, din e-postadress och, om du anger det, din organisation.

            - **Varför:** för att skicka nyhetsbrevet, och för att planera evenemanget och skicka information om det.
            - **Rättslig grund:** ditt samtycke (artikel 6.1 a). Du kan när som helst ta tillbaka ditt samtycke, till exempel genom länken i varje nyhetsbrev.
            - **Hur länge:** nyhetsbrevet tills du avslutar prenumerationen. Anmälningar till evenemang raderas senast tre månader efter evenemanget.

            ### Om du kontaktar oss

            Skickar du e-post eller brev till förbundet behandlar vi de uppgifter du lämnar, för att kunna svara och handlägga ärendet. Rättslig grund är uppgift av allmänt intresse (artikel 6.1 e). Meddelanden som kommer in till oss kan bli allmänna handlingar och sparas eller gallras enligt förbundets dokumenthanteringsplan.

            ### Om du har ett konto i systemet

            För personal, redaktörer och deltagare med konto behandlar vi namn, e-postadress och uppgifter om inloggningar. Vi loggar också vem som har läst eller tagit ut personuppgifter, så att obehörig åtkomst kan upptäckas och utredas. Rättslig grund är uppgift av allmänt intresse (artikel 6.1 e) och kravet på säkerhet i artikel 32.

            ## Offentlighet och sekretess

            Förbundet är en myndighet och omfattas av offentlighetsprincipen. Handlingar som kommer in till oss eller som vi upprättar kan därför vara allmänna handlingar som andra kan begära att få läsa. Uppgifter om enskilda personers hälsa och personliga förhållanden skyddas av sekretess enligt offentlighets- och sekretesslagen och lämnas inte ut.

            ## Vilka som får ta del av uppgifterna

            Uppgifterna används bara av de medarbetare som behöver dem i sitt arbete. Vi lämnar uppgifter till medlemmarna, till exempel din handläggare, bara när du har samtyckt eller när lag kräver det. Den som driftar förbundets it-system är personuppgiftsbiträde och får bara behandla uppgifterna enligt våra instruktioner. Uppgifterna behandlas inom EU/EES. Vi säljer aldrig personuppgifter.

            ## Dina rättigheter

            Du har rätt att:

            - få veta vilka personuppgifter vi behandlar om dig och få en kopia av dem (registerutdrag),
            - få felaktiga uppgifter rättade,
            - få uppgifter raderade, till exempel när de inte längre behövs eller när du tar tillbaka ditt samtycke,
            - begära att behandlingen begränsas,
            - invända mot behandling som grundar sig på allmänt intresse,
            - få ut uppgifter som du själv har lämnat med samtycke i ett maskinläsbart format (dataportabilitet).

            Eftersom förbundet är en myndighet kan arkivlagen och offentlighetsprincipen innebära att vi måste bevara vissa handlingar, även om du begär att de ska raderas. Vi förklarar i så fall varför.

            Vill du använda dina rättigheter? Kontakta kansliet. Vi svarar inom en månad.

            Om du anser att vi behandlar dina personuppgifter felaktigt kan du lämna klagomål till Integritetsskyddsmyndigheten (IMY), som är tillsynsmyndighet. Läs mer på [imy.se](https://www.imy.se).

            ## Dataskyddsombud

            Förbundet har ett dataskyddsombud, som kontrollerar att förbundet följer dataskyddsreglerna och som du kan vända dig till med frågor om hur dina uppgifter behandlas. Du når dataskyddsombudet {dpoEmail}.

            ## Cookies

            Webbplatsen använder bara cookies som behövs för att den ska fungera. Läs mer på sidan [Cookies](/cookies).
            """);
    }

    private static DefaultPage Cookies() => new(
        RequiredPages.Cookies,
        "Cookies",
        "Webbplatsen använder bara cookies som behövs för att den ska fungera. Här ser du vilka de är, vad de gör och hur länge de sparas.",
        """
        En cookie (kaka) är en liten textfil som webbplatsen sparar i din webbläsare. Den här webbplatsen använder **bara cookies som är nödvändiga** för att tjänster som du själv använder ska fungera: inloggning, skydd av formulär och ditt val av språk.

        Vi använder inga cookies för statistik, annonser eller spårning, och vi visar inget innehåll från andra webbplatser som sätter egna cookies. Eftersom alla cookies är nödvändiga behöver vi enligt lagen om elektronisk kommunikation inte be om ditt samtycke. Därför visar vi ingen cookieruta.

        ## Cookies som webbplatsen använder

        ### samordna.auth (inloggning)

        - **Syfte:** håller dig inloggad när du har loggat in.
        - **Sätts:** när du loggar in.
        - **Lagringstid:** tills du stänger webbläsaren. Om du väljer ”Kom ihåg mig på den här enheten” sparas den i 30 dagar efter ditt senaste besök. Den tas bort när du loggar ut.

        ### samordna.2fa (tvåstegsinloggning)

        - **Syfte:** kommer ihåg att du har angett rätt lösenord medan du anger koden från din app för tvåstegsverifiering.
        - **Sätts:** under inloggningen, om ditt konto har tvåstegsverifiering.
        - **Lagringstid:** fem minuter, och längst tills du stänger webbläsaren.

        ### samordna.2fa-remember (tvåstegsinloggning)

        - **Syfte:** kommer ihåg att du har valt att inte behöva ange kod för tvåstegsverifiering på den här enheten.
        - **Sätts:** bara om du själv väljer det när du loggar in.
        - **Lagringstid:** 14 dagar. Den tas bort när du loggar ut.

        ### samordna.af (skydd av formulär)

        - **Syfte:** skyddar formulären på webbplatsen mot förfalskade anrop från andra webbplatser (så kallat CSRF-skydd). Den innehåller ingen information om dig.
        - **Sätts:** när du öppnar en sida med ett formulär.
        - **Lagringstid:** tills du stänger webbläsaren.

        ### samordna.lang (språkval)

        - **Syfte:** kommer ihåg om du har valt att läsa webbplatsen på engelska eller svenska. Den innehåller bara språkkoden.
        - **Sätts:** bara när du byter språk.
        - **Lagringstid:** ett år från senaste bytet, eller tills du tar bort den i webbläsaren.

        ## Så tar du bort cookies

        Du kan se och ta bort cookies i din webbläsares inställningar. Om du blockerar alla cookies kan du fortfarande läsa webbplatsen, men du kan inte logga in eller skicka formulär.
        """);

    private static string ContactList(SiteInfo site)
    {
        var items = new List<string>();
        if (!string.IsNullOrWhiteSpace(site.Email))
        {
            items.Add($"- skicka e-post till {EmailLink(site)}");
        }
        if (!string.IsNullOrWhiteSpace(site.Phone))
        {
            items.Add($"- ring {PhoneLink(site)}");
        }
        return items.Count == 0
            ? "Kontaktuppgifterna finns på sidan [Kontakt](/kontakt)."
            : string.Join("\n", items);
    }

    private static string EmailLink(SiteInfo site) => $"[{site.Email}](mailto:{site.Email})";

    private static string PhoneLink(SiteInfo site)
    {
        var digits = new string([.. site.Phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        return $"[{site.Phone}](tel:{digits})";
    }
}
