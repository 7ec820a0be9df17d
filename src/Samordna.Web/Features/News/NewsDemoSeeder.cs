using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Time;

namespace Samordna.Web.Features.News;

/// <summary>
/// Demo news, written from real förbund pages (HOPPET's digital drop-in, the 2019 annual report, the corona spring of
/// 2020, "Spaning 2022", the UVAS mapping with MUCF). March 2020 is full and the months around it are empty, so the
/// archive's empty-period message and its links to the nearest periods show. One draft and one scheduled article
/// give the editors' list something in every state.
/// </summary>
public sealed class NewsDemoSeeder(AppDbContext db, TimeProvider time) : IDemoSeeder
{
    public const string Editor = "Kipa Poikolainen";

    public int Order => 20;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await db.Set<NewsArticle>().AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var demo in Articles)
        {
            var publishedAt = demo.Local is { } local ? StockholmTime.FromStockholm(local) : (DateTimeOffset?)null;
            if (demo.ScheduledInDays is { } days)
            {
                publishedAt = StockholmTime.FromStockholm(now.ToStockholm().Date.AddDays(days).AddHours(9));
            }
            var article = new NewsArticle
            {
                Title = demo.Title,
                Slug = demo.Slug,
                Ingress = demo.Ingress,
                Body = Unwrap(demo.Body),
                CreatedAt = publishedAt is { } p && p < now ? p : now,
                UpdatedAt = publishedAt is { } q && q < now ? q : now,
                UpdatedBy = Editor,
                Version = 1,
                Tags = demo.Tags.Select(t => new NewsArticleTag { Name = t, Slug = Platform.Web.Slugs.From(t) }).ToList(),
            };
            article.SetPublishedAt(publishedAt, now);
            db.Add(article);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Joins the hard-wrapped lines of the texts below into one line per paragraph, list item and quote, as an editor
    /// would have typed them (Markdown renders both alike, but the editor's text area shows the difference).
    /// </summary>
    public static string Unwrap(string markdown)
    {
        var output = new List<string>();
        foreach (var raw in markdown.Trim().Split('\n'))
        {
            var line = raw.TrimEnd();
            var previous = output.Count > 0 ? output[^1] : "";
            var startsBlock = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith('#')
                || (line.Length > 2 && char.IsAsciiDigit(line[0]) && line[1] == '.');
            if (line.Length == 0 || previous.Length == 0 || startsBlock || previous.StartsWith('#'))
            {
                output.Add(line);
            }
            else if (line.StartsWith('>'))
            {
                if (previous.StartsWith('>'))
                {
                    output[^1] = previous + " " + line.TrimStart('>').Trim();
                }
                else
                {
                    output.Add(line);
                }
            }
            else
            {
                output[^1] = previous + " " + line.Trim();
            }
        }
        return string.Join('\n', output);
    }

    private sealed record DemoArticle(string Title, string Slug, DateTime? Local, string Ingress, string Body, string[] Tags,
        int? ScheduledInDays = null);

    private static readonly DemoArticle[] Articles =
    [
        new("Eftermiddagsminglet om sociala företag ställs in", "mingel-om-sociala-foretag-installt",
            new DateTime(2020, 3, 12, 15, 30, 0),
            "Samordningsförbundets eftermiddagsmingel om arbetsintegrerande sociala företag den 19 mars ställs in.",
            """
            Samordningsförbundet hade bjudit in till ett eftermiddagsmingel om arbetsintegrerande sociala företag (ASF)
            den 19 mars. Vi har bestämt oss för att ställa in minglet.

            I det nuvarande läget vill vi inte riskera att bidra till smittspridning, särskilt som en betydande del av
            deltagarna tillhör riskgrupper.

            Vi planerar att i stället genomföra minglet under april och återkommer med mer information.
            """,
            ["ASF", "Evenemang", "Covid-19"]),

        new("Årsredovisningen för 2019: ett år av stora steg framåt", "arsredovisningen-for-2019",
            new DateTime(2020, 3, 19, 10, 0, 0),
            "Styrelsen behandlade årsredovisningen för 2019 den 18 mars. 299 personer deltog i förbundets insatser under året, och 17 av dem gick vidare till arbete.",
            """
            Vid samordningsförbundets styrelsemöte den 18 mars 2020 behandlades årsredovisningen för 2019.
            Verksamheten tog stora steg framåt under året. Några exempel:

            - Förbundet har drivit tre **Resursteam**, ett i varje kommun. Teamen är multikompetenta och består av
              medarbetare från alla medlemsparter. Resursteamen har utvärderats och visar goda resultat.
            - Projektet **SAMRE**, som vände sig till sjukskrivna utan sjukpenning, har genomfört sitt sista projektår.
              Projektet har bland annat tagit fram en SAMRE-modell, och medlemsparterna har tecknat en gemensam lokal
              överenskommelse.
            - Insatsen **HOPPET**, för unga mellan 16 och 29 år, startade i maj 2019. Många deltagare har hittat till
              verksamheten, som ska motivera unga att ta nästa steg för att komma vidare.
            - Förbundet har beviljats medel från ESF för två projekt. Från 2020 deltar förbundet i de länsövergripande
              ESF-projekten MIA Vidare och Rätt stöd för mig, tillsammans med andra samordningsförbund.
            - Sex välbesökta frukostmöten har inspirerat och kompetensutvecklat medlemsparternas medarbetare och chefer.
            - De arbetsintegrerande sociala företagen (ASF) i de tre kommunerna har uppmärksammats som viktiga
              samarbetspartner.

            ## Deltagare och resultat

            Under 2019 registrerades totalt **299 personer, 170 kvinnor och 129 män**, som deltagare i någon av de tre
            insatserna. En betydande del av deltagarna har gjort någon form av stegförflyttning. Under året gick
            **12 personer ut i arbete utan subvention** och ytterligare **fem i subventionerat arbete**.

            ## Utmaningar under 2020

            Verksamheten fortsätter att utvecklas under 2020, och det finns flera stora utmaningar att ta tag i:

            - HOPPET och Resursteamen går in i varsitt ESF-projekt, Rätt stöd för mig och MIA Vidare. Det ger mer
              pengar till insatserna men också mer administration.
            - SAMRE är avslutat som projekt. Nu gäller det att införa och hålla i arbetet enligt SAMRE-modellen,
              framför allt i kommunerna. Resursteamens styrgrupp ansvarar för att förvalta överenskommelsen och modellen.
            - Det idéburet-offentliga partnerskap (IOP) som förbundet har tecknat med Coompanion och kompletterande
              aktörer ska bli framgångsrikt. Det handlar bland annat om att stärka samverkan mellan ASF och övriga
              näringslivet.
            - Kunskapen om IPS, Individual Placement and Support, ska öka inom medlemsparterna.
            """,
            ["Årsredovisning", "Resursteam", "HOPPET", "SAMRE"]),

        new("Så påverkar coronaviruset förbundets verksamhet", "coronaviruset-och-forbundets-verksamhet",
            new DateTime(2020, 3, 20, 13, 0, 0),
            "Resursteamen håller kontakt per telefon, HOPPET:s lokal är stängd tills vidare och kansliet arbetar hemifrån. Här är den senaste informationen.",
            """
            Den rådande situationen med coronaviruset (covid-19) påverkar också samordningsförbundets verksamhet på
            olika sätt. Här är den senaste informationen:

            - **Resursteamen** har inga fysiska möten med deltagare, utan stämmer av per telefon. Har du frågor,
              kontakta koordinator Maria Anger.
            - **HOPPET:s lokal** är stängd tills vidare. Personalen håller kontakt med deltagarna på andra sätt, bland
              annat genom en ny metod: digitalt drop in. Har du frågor, kontakta samordnare Tina Claesson.
            - Genom vårt idéburet-offentliga partnerskap (IOP) med tre aktörer stöder förbundet de
              **arbetsintegrerande sociala företagen**, till exempel med webbinarier och riktad information till
              kommunerna och övriga medlemsparter.
            - **Eftermiddagsminglet** om arbetsintegrerande sociala företag, som skulle ha hållits den 19 mars, är
              uppskjutet till hösten och anpassas till de nya förhållandena på arbetsmarknaden.
            - **Kansliet** arbetar hemifrån.

            För övrig verksamhet återkommer vi med aktuell information till dem som berörs och uppdaterar webbplatsen.

            Försäkringskassan har samlat aktuell information om vad som gäller med anledning av coronaviruset på
            [en särskild sida](https://www.forsakringskassan.se/privatpers/coronaviruset-det-har-galler).
            """,
            ["Covid-19", "Resursteam", "HOPPET"]),

        new("HOPPET startar digitalt drop in på Discord", "digitalt-drop-in",
            new DateTime(2020, 3, 26, 9, 0, 0),
            "När lokalen på Runbyvägen 11 är stängd träffar HOPPET unga på Discord i stället. Det digitala drop in-rummet heter HoppetOnline.",
            """
            I dessa coronatider, när det som brukar vara självklart inte längre fungerar, prövar vi nya sätt att
            arbeta. Det gäller också samordningsförbundets insats för unga, HOPPET. Ryggraden i HOPPET:s verksamhet är
            annars drop in-tiderna, då unga kan komma till lokalen på Runbyvägen 11 i Upplands Väsby. För att hålla
            kontakten med målgruppen medan lokalen är stängd har HOPPET börjat med *digitalt drop in*.

            Tina Claesson, samordnare för HOPPET, beskriver det så här:

            > På vår server på Discord kan du som är ung träffa oss i personalen och umgås med andra som redan är i
            > full gång med sin planering på HOPPET. Vi hoppas att det kan ge ett skönt avbrott i vardagen, ett
            > tillfälle att skratta lite och lust att testa andra aktiviteter som vi erbjuder.

            En deltagare säger:

            > Jag tycker att det digitala drop in fungerar bra … även om det skulle utmana mig mer att träffa
            > människor på riktigt.

            ## Så fungerar digitalt drop in

            1. Skicka ett sms eller mejl till någon av oss i personalen, så bjuder vi in dig till vår server.
            2. Via inbjudan skapar du ett eget konto på Discord.
            3. Då får du tillgång till HoppetOnline, som vår server heter.

            Har du aldrig varit i kontakt med HOPPET och vill veta mer om oss? Ring eller mejla oss.

            Redan efter den här korta tiden har den digitala metoden visat sig fungera bra, och personalen planerar att
            fortsätta med den som ett komplement även efteråt. Målet är en neutral kommunikationskanal för alla som
            inte kan ta sig till HOPPET på grund av stark oro, nedstämdhet eller liknande.
            """,
            ["HOPPET", "Digitalt drop in", "Unga", "Covid-19"]),

        new("Minglet om sociala företag skjuts upp till hösten", "asf-minglet-skjuts-upp",
            new DateTime(2020, 3, 30, 11, 0, 0),
            "Eftermiddagsminglet om arbetsintegrerande sociala företag, som ställdes in den 19 mars, flyttas till hösten 2020.",
            """
            Samordningsförbundet hade planerat ett eftermiddagsmingel om arbetsintegrerande sociala företag (ASF) den
            19 mars. Det ställdes in för att inte riskera att bidra till smittspridning.

            Sedan dess har mycket hänt. Det mesta tyder på att läget på arbetsmarknaden blir ett helt annat framöver,
            och vi kommer att behöva de sociala företagen mer än någonsin. Vi har därför valt att skjuta upp minglet
            till hösten 2020, för att bättre möta de nya förutsättningarna.

            Under tiden stöder vi de sociala företagen, bland annat med webbinarier och med riktad information till
            kommunerna och övriga medlemsparter.
            """,
            ["ASF", "Evenemang"]),

        new("Spaning 2022: vi fångar deltagarnas röster", "spaning-2022",
            new DateTime(2022, 4, 5, 9, 0, 0),
            "”Spaning 2022” är två förstudier som ska beskriva framtidens målgrupper och behov av insatser. Vill du bidra? Kontakta Sara Zechel.",
            """
            Alla ska ha makt att forma sina liv och möjlighet att delta i det demokratiska samtalet. Nu fångar vi
            deltagarnas röster för att forma framtidens verksamhet. ”Spaning 2022” är arbetsnamnet på två viktiga
            förstudier som ska beskriva framtidens målgrupper och behov av insatser.

            – Gör vi en riktigt bra förstudie skapar vi bättre samverkan. För mig personligen handlar det om att
            arbeta för ett mer inkluderande och demokratiskt samhälle, säger Sara Zechel, som ansvarar för de
            ESF-finansierade studierna.

            Just nu arbetar hon med ett frågebatteri till chefer, medarbetare, deltagare och civilsamhällets
            organisationer.

            ## Framtidens målgrupper

            – Samordningsförbundens roll är att lyssna, förstå och ge röst åt personer som behöver vårt stöd. För att
            kunna göra det om fem eller tio år behöver vi rusta oss med rätt kunskap.

            Inom samordningsförbundet finns en enorm kompetens, som ska tas till vara och spridas i verksamheterna.
            Vad fungerar bra i dag? Vilka metoder ska vi fortsätta med?

            ## Bortglömda eller nya målgrupper?

            – Kanske finns det personer som vi inte når. De kanske inte känner till sina rättigheter, eller saknar
            tillit till myndigheterna. Tappar vi personer när våra medlemmar digitaliseras?

            Genom att samla den kunskap vi har i förbundet och lägga till andras erfarenheter, statistik,
            utvärderingar och analyser kartlägger vi målgrupperna. Då vet vi vad vi behöver göra för att möta deras
            behov. Kartläggningen ska vara klar mot slutet av sommaren.

            – Nu väntar några spännande månader med fokusgrupper, enkäter, djupintervjuer, samtal och samarbete med
            våra ESF-projekt, ABF, nyanlända kvinnor, Attention, Fryshuset och andra plattformar där vi kan utbyta
            information. Vi ska också sätta oss in i områden som gigekonomin och vad den betyder för arbetsmarknaden.

            Första fasen är att kartlägga. Nästa steg är att skapa en samsyn och en plan för framtidens samverkan.

            – Jag är övertygad om att vi får ett bättre samhälle om tilliten till myndigheterna ökar, och det bygger
            på att allas röster och erfarenheter tas till vara, säger Sara Zechel.
            """,
            ["Spaning 2022", "Förstudie", "ESF", "Delaktighet"]),

        new("Nu kartläggs unga som varken arbetar eller studerar", "kartlaggning-av-uvas",
            new DateTime(2022, 9, 12, 10, 0, 0),
            "I höst inleder samordningsförbundet ett samarbete med MUCF om unga som varken arbetar eller studerar (UVAS).",
            """
            Under hösten inleder samordningsförbundet ett samarbete med
            [Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)](https://www.mucf.se) om unga som varken
            arbetar eller studerar (UVAS). MUCF har erbjudit flera samordningsförbund ett liknande samarbete.

            Arbetet inleds med tre workshoppar för chefer hos medlemsparterna, där vi kartlägger läget i kommunerna.
            Vi kartlägger också vilka insatser som redan finns och vad som saknas.

            Ett annat syfte är att inspirera och stötta medlemsparterna, så att de kan ta fram en handlingsplan där
            alla aktörer deltar.
            """,
            ["UVAS", "MUCF", "Kartläggning", "Unga"]),

        new("Från pandemilösning till ett naturligt arbetssätt", "fran-pandemilosning-till-naturligt-arbetssatt",
            new DateTime(2022, 10, 3, 9, 0, 0),
            "När pandemin stängde mötesplatsen HOPPET flyttade verksamheten till Discord. Nu är det digitala drop in-rummet en självklar del av arbetet.",
            """
            När coronapandemin slog till i mars 2020 påverkade den även mötesplatsen HOPPET i Upplands Väsby. Över en
            dag tvingades HOPPET stänga alla drop in-tider och andra aktiviteter. För att behålla kontakten med de unga
            föreslog deltagarna att verksamheten skulle flytta till plattformen Discord. Tina Claesson och hennes
            medarbetare nappade på förslaget och flyttade lämpliga delar av verksamheten dit.

            Under pandemin visade det sig att Discord inte bara var ett sätt att hålla verksamheten igång, utan också
            ett sätt att utveckla den.

            HOPPET:s samordnare Tina Claesson beskriver det så här:

            > Vi valde att utgå från en plattform där deltagarna kände sig trygga. Vi upptäckte snabbt att vi nådde
            > deltagare som ännu inte var redo att ta sig till mötesplatsen. Det gav dem som är socialt isolerade ett
            > sätt att komma in i gemenskapen på egna villkor. Allteftersom vi upptäckte alla möjligheter utvecklades
            > arbetet med plattformen till ett naturligt arbetssätt som vi fortsätter med.

            Nu när alla restriktioner har tagits bort finns HOPPET kvar på Discord. Plattformen används numera mest
            för att utveckla deltagarnas inflytande genom HOPPET:s inflytanderåd och för att ge samhällsvägledning.
            """,
            ["HOPPET", "Digitalt drop in", "Inflytanderåd", "Samhällsvägledning"]),

        new("Tre webbinarier i november", "tre-webbinarier-i-november",
            new DateTime(2022, 10, 20, 8, 30, 0),
            "Arbetsförmedlingens digitala tjänster, kvinnors upplevelser av krig och flykt, och samverkan i Sigtuna: välkommen till höstens webbinarier.",
            """
            Under november håller samordningsförbundet tre webbinarier. Alla är kostnadsfria och pågår
            klockan 9–10.

            ## 9 november: Arbetsförmedlingen utvecklar sina digitala lösningar

            *”Hur vet vi behovet utan användaren?”* Anmäl dig senast den 2 november.

            ## 17 november: ”Mitt hjärtas syster”

            Kvinnors upplevelser av krig, tortyr och flykt. Röda korset berättar om sitt arbete. Anmäl dig senast den
            11 november.

            ## 30 november: Steg mot försörjning

            Samverkan i Sigtuna med individen i centrum. Anmäl dig senast den 24 november.

            Vi uppdaterar informationen om kommande webbinarier löpande. Har du förslag på ämnen som du vill att vi
            tar upp? Hör av dig till förbundet!
            """,
            ["Webbinarium", "Evenemang"]),

        new("Välkommen till HOPPET:s inflytanderåd", "valkommen-till-inflytanderadet", null,
            "Inflytanderådet är deltagarnas egen röst i HOPPET. Här berättar vi hur du är med och påverkar.",
            """
            *Utkast – fyll på med datum för nästa möte och hur man anmäler sig.*

            I inflytanderådet lämnar deltagarna förslag och röstar om vad HOPPET ska göra framåt.
            """,
            ["HOPPET", "Inflytanderåd"]),

        new("Frukostmöte om IPS – Individual Placement and Support", "frukostmote-om-ips", null,
            "Hur kan IPS hjälpa fler att få och behålla ett arbete? Välkommen till ett frukostmöte för medlemsparternas medarbetare och chefer.",
            """
            Att öka kunskapen om IPS, Individual Placement and Support, inom medlemsparterna är en av förbundets
            utmaningar. Nu bjuder vi in till ett frukostmöte om metoden.

            Mer information och anmälan kommer i kalendern.
            """,
            ["IPS", "Frukostmöte", "Evenemang"], ScheduledInDays: 7),
    ];
}
