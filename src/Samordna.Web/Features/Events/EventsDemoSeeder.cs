using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Events;

/// <summary>
/// The demo calendar, from the förbund's own news: the three November webinars (Arbetsförmedlingen's digital
/// services, Röda korset's "Mitt hjärtas syster", "Steg mot försörjning" in Sigtuna), the ASF afternoon mingle of
/// 19 March 2020 that was cancelled and postponed to the autumn, breakfast meetings, the three UVAS workshops for
/// managers with MUCF, and a few coming events, with made-up registrations so the counts, the waiting list and the
/// attendance have something to show.
/// </summary>
internal sealed class EventsDemoSeeder(AppDbContext db, TimeProvider time, IOptionsSnapshot<SiteInfo> site) : IDemoSeeder
{
    public int Order => 30;

    private const string BaseUrl = "http://localhost:5080";
    private const string Contact = "Kipa Poikolainen";
    private const string ContactEmail = "kipa.poikolainen@demo.samordna.se";

    private static readonly string[] People =
    [
        "Sara Lundqvist|Sigtuna kommun", "Johan Bergström|Upplands Väsby kommun", "Amina Yusuf|Arbetsförmedlingen",
        "Erik Holm|Försäkringskassan", "Maja Sandberg|Region Stockholm", "Ali Hassan|Vallentuna kommun",
        "Karin Nyström|Sigtuna kommun", "Petra Wikström|Arbetsförmedlingen", "Omar Khalil|Upplands Väsby kommun",
        "Lena Björk|Försäkringskassan", "Fredrik Sjöberg|Vallentuna kommun", "Hanna Åberg|Region Stockholm",
        "Nils Ekman|Coompanion", "Sofia Lindgren|Sigtuna kommun", "Daniel Strand|Arbetsförmedlingen",
        "Elin Forsberg|Upplands Väsby kommun",
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var organiser = site.Value.Name;

        var af = Add(EventKind.Webinar, "2026-11-09-hur-vet-vi-behovet-utan-anvandaren",
            "Arbetsförmedlingen utvecklar sina digitala lösningar – ”Hur vet vi behovet utan användaren?”",
            "Arbetsförmedlingen berättar hur de tar reda på vad användarna behöver när tjänsterna blir digitala.",
            """
            Arbetsförmedlingen bygger om sina digitala tjänster. Men hur vet man vad användarna behöver när man inte
            möter dem? I det här webbinariet berättar Arbetsförmedlingen om hur de arbetar med användarnas behov, och
            vad det betyder för dem som har svårt att ta sig fram i digitala kanaler.

            ## Program

            - 09.00 Välkommen
            - 09.05 Hur vet vi behovet utan användaren?
            - 09.40 Frågor och samtal
            """,
            Local(2026, 11, 9, 9, 0), Local(2026, 11, 9, 10, 0), online: true, capacity: 100,
            closes: Local(2026, 11, 2, 23, 59), organiser);

        var redCross = Add(EventKind.Webinar, "2026-11-17-mitt-hjartas-syster",
            "”Mitt hjärtas syster” – kvinnors upplevelser av krig, tortyr och flykt",
            "Röda korset informerar om sitt arbete med kvinnor som har flytt från krig och tortyr.",
            """
            Röda korset berättar om projektet ”Mitt hjärtas syster” och om kvinnors upplevelser av krig, tortyr och
            flykt. Vad behöver den som har varit med om svåra trauman för att kunna ta steg mot arbete eller studier,
            och hur kan vi som möter dem samverka bättre?
            """,
            Local(2026, 11, 17, 9, 0), Local(2026, 11, 17, 10, 0), online: true, capacity: 100,
            closes: Local(2026, 11, 11, 23, 59), organiser);

        var sigtuna = Add(EventKind.Webinar, "2026-11-30-steg-mot-forsorjning",
            "Steg mot försörjning – Samverkan i Sigtuna med individen i centrum",
            "Om hur kommunen, Arbetsförmedlingen och Försäkringskassan i Sigtuna samverkar med individen i centrum.",
            """
            I Sigtuna samverkar kommunen, Arbetsförmedlingen, Försäkringskassan och regionen kring personer som behöver
            stöd från flera håll för att komma vidare mot egen försörjning. Vi berättar hur arbetet går till, vad det
            har gett och vad vi har lärt oss på vägen.
            """,
            Local(2026, 11, 30, 9, 0), Local(2026, 11, 30, 10, 0), online: true, capacity: 100,
            closes: Local(2026, 11, 24, 23, 59), organiser);

        var asf = Add(EventKind.Mingle, "2020-03-19-eftermiddagsmingel-asf",
            "Eftermiddagsmingel om arbetsintegrerande sociala företag (ASF)",
            "Träffa de arbetsintegrerande sociala företagen i Sigtuna, Upplands Väsby och Vallentuna.",
            """
            De arbetsintegrerande sociala företagen (ASF) i de tre kommunerna är viktiga samarbetspartner. Under
            eftermiddagen får du träffa företagen, höra om idéburet offentligt partnerskap (IOP) och knyta kontakter.
            """,
            Local(2020, 3, 19, 14, 0), Local(2020, 3, 19, 16, 30), online: false, capacity: 60,
            closes: Local(2020, 3, 12, 23, 59), organiser, location: "Messingen, Sandavägen 2, Upplands Väsby");
        asf.State = EventState.Postponed;
        asf.NewDateToBeAnnounced = true;
        asf.OriginalStartsAt = asf.StartsAt;
        asf.Sequence = 2;
        asf.Notice = "Minglet den 19 mars ställdes in för att inte riskera att bidra till smittspridning. Läget på arbetsmarknaden "
            + "kommer att vara ett helt annat framöver, och vi kommer att behöva de sociala företagen mer än någonsin. Vi skjuter "
            + "därför minglet till hösten 2020 för att bättre möta de nya förutsättningarna.";

        var ipsBreakfast = Add(EventKind.BreakfastMeeting, "2026-10-07-frukostmote-ips",
            "Frukostmöte: IPS – individanpassat stöd till arbete",
            "Vad är IPS, och hur kan metoden användas hos medlemsparterna? Frukost från 07.30.",
            """
            IPS (Individual placement and support) är en metod för att stödja personer med psykisk ohälsa till arbete
            på den öppna arbetsmarknaden. Vi bjuder på frukost och ett samtal om hur medlemsparterna kan öka kunskapen
            om IPS.
            """,
            Local(2026, 10, 7, 7, 30), Local(2026, 10, 7, 9, 0), online: false, capacity: 40,
            closes: Local(2026, 10, 1, 23, 59), organiser, location: "Kommunhuset, Torget 1, Vallentuna");

        var samreBreakfast = Add(EventKind.BreakfastMeeting, "2026-12-09-frukostmote-samre",
            "Frukostmöte: SAMRE-modellen – stöd till sjukskrivna utan sjukpenning",
            "Hur förvaltar vi SAMRE-modellen och den gemensamma överenskommelsen? Frukost från 07.30.",
            """
            Projektet SAMRE tog fram en modell och en gemensam lokal överenskommelse för stöd till sjukskrivna utan
            sjukpenning. Nu ligger utmaningen i att hålla i arbetet. Resursteamens styrgrupp berättar hur det går.

            Vi bjuder på frukost. Skriv gärna i anmälan om du behöver specialkost.
            """,
            Local(2026, 12, 9, 7, 30), Local(2026, 12, 9, 9, 0), online: false, capacity: 40,
            closes: Local(2026, 12, 2, 23, 59), organiser, location: "Stadshuset, Södergatan 20, Märsta");

        const string mucf = "Samordningsförbundet tillsammans med Myndigheten för ungdoms- och civilsamhällsfrågor (MUCF)";
        const string uvasIntro = """
            Samordningsförbundet och Myndigheten för ungdoms- och civilsamhällsfrågor (MUCF) samarbetar kring unga som
            varken arbetar eller studerar (UVAS). Arbetet inleds med tre workshoppar för chefer hos medlemsparterna.
            """;
        var uvas1 = Add(EventKind.Workshop, "2026-10-13-uvas-workshop-1",
            "UVAS-workshop 1: Läget i kommunerna",
            "Första workshoppen för chefer hos medlemsparterna: vi kartlägger läget för unga som varken arbetar eller studerar.",
            uvasIntro + "\n\nI den första workshoppen kartlägger vi läget i kommunerna: hur många unga det gäller och vad vi vet om dem.",
            Local(2026, 10, 13, 13, 0), Local(2026, 10, 13, 16, 0), online: false, capacity: 25,
            closes: Local(2026, 10, 6, 23, 59), mucf, location: "Stadshuset, Södergatan 20, Märsta");
        var uvas2 = Add(EventKind.Workshop, "2026-11-10-uvas-workshop-2",
            "UVAS-workshop 2: Insatser som finns och saknas",
            "Andra workshoppen: vilka insatser finns för unga som varken arbetar eller studerar, och vad saknas?",
            uvasIntro + "\n\nI den andra workshoppen kartlägger vi vilka insatser som finns och vad som saknas.",
            Local(2026, 11, 10, 13, 0), Local(2026, 11, 10, 16, 0), online: false, capacity: 25,
            closes: Local(2026, 11, 3, 23, 59), mucf, location: "Kommunhuset, Dragonvägen 86, Upplands Väsby");
        var uvas3 = Add(EventKind.Workshop, "2026-12-15-uvas-workshop-3",
            "UVAS-workshop 3: Mot en gemensam handlingsplan",
            "Tredje workshoppen: vi tar fram grunden för en handlingsplan där alla aktörer deltar.",
            uvasIntro + "\n\nI den tredje workshoppen tar vi fram grunden för en handlingsplan där alla aktörer deltar.",
            Local(2026, 12, 15, 13, 0), Local(2026, 12, 15, 16, 0), online: false, capacity: 25,
            closes: Local(2026, 12, 8, 23, 59), mucf, location: "Kommunhuset, Torget 1, Vallentuna");
        foreach (var workshop in new[] { uvas1, uvas2, uvas3 })
        {
            workshop.Audience = EventAudience.InviteOnly;
            workshop.InviteCode = EventLinks.NewInviteCode();
        }

        var influence = Add(EventKind.Workshop, "2026-12-03-deltagarinflytande-i-praktiken",
            "Workshop: Deltagarinflytande i praktiken",
            "HOPPET:s inflytanderåd berättar hur unga deltagare påverkar verksamheten, och vi provar metoderna.",
            """
            På HOPPET i Upplands Väsby har deltagarna ett eget inflytanderåd som föreslår och röstar om verksamheten.
            Rådets ledamöter och samordnaren Tina Claesson berättar hur det fungerar, och sedan provar vi metoderna
            tillsammans. Platserna är få, så att alla får vara med i samtalet.
            """,
            Local(2026, 12, 3, 13, 0), Local(2026, 12, 3, 15, 0), online: false, capacity: 12,
            closes: Local(2026, 12, 1, 12, 0), organiser, location: "HOPPET, Runbyvägen 11, Upplands Väsby");

        var resursteam = Add(EventKind.InformationMeeting, "2027-01-21-informationstraff-resursteam",
            "Informationsträff: Resursteam – så samverkar vi kring dig",
            "För dig som vill veta hur förbundets resursteam arbetar och hur en person kan få stöd av dem.",
            """
            Förbundet har tre resursteam, ett i varje kommun. Teamen består av medarbetare från alla medlemsparter och
            stöttar personer som behöver hjälp från flera håll. På träffen berättar koordinatorerna hur det går till.
            """,
            Local(2027, 1, 21, 15, 0), Local(2027, 1, 21, 16, 30), online: false, capacity: 30,
            closes: null, organiser, location: "Kommunhuset, Dragonvägen 86, Upplands Väsby");

        var dropIn = Add(EventKind.Webinar, "2027-01-28-digital-drop-in",
            "Från pandemilösning till arbetssätt – digital drop-in för unga",
            "HOPPET berättar hur den digitala mötesplatsen når unga som ännu inte är redo att komma till lokalen.",
            """
            När pandemin slog till flyttade HOPPET delar av verksamheten till en digital mötesplats, på förslag av
            deltagarna. Det visade sig vara ett sätt att nå unga som ännu inte var redo att ta sig till mötesplatsen.
            Vi berättar vad vi har lärt oss och hur arbetssättet ser ut i dag.
            """,
            Local(2027, 1, 28, 9, 0), Local(2027, 1, 28, 10, 0), online: true, capacity: null,
            closes: Local(2027, 1, 26, 23, 59), organiser);

        var network = Add(EventKind.InformationMeeting, "2027-02-04-natverkstraff-samordnare",
            "Nätverksträff för samordnare och koordinatorer",
            "För medarbetare hos medlemsparterna som samordnar insatser: erfarenhetsutbyte och aktuellt från förbundet.",
            """
            En träff för dig som samordnar insatser hos någon av medlemsparterna. Vi delar erfarenheter, går igenom
            aktuellt från förbundet och planerar vårens gemensamma aktiviteter.
            """,
            Local(2027, 2, 4, 13, 0), Local(2027, 2, 4, 15, 0), online: true, capacity: 40,
            closes: null, organiser);
        network.Audience = EventAudience.MembersOnly;

        await db.SaveChangesAsync(cancellationToken);

        // Made-up registrations: the past webinars with attendance, the closed one, a full workshop with a queue.
        Register(af, 14, attended: 11);
        Register(redCross, 9, attended: 8);
        Register(sigtuna, 12, attended: null);
        Register(ipsBreakfast, 10, attended: 9);
        Register(uvas1, 8, attended: 7);
        Register(uvas2, 7, attended: 6);
        Register(influence, 15, attended: null);
        Register(samreBreakfast, 4, attended: null);

        db.Add(new TopicSuggestion
        {
            Topic = "Hur når vi unga som varken arbetar eller studerar?",
            Details = "Gärna med exempel från andra förbund som har kartlagt målgruppen.",
            Organisation = "Vallentuna kommun",
            CreatedAt = now.AddDays(-5),
        });
        db.Add(new TopicSuggestion
        {
            Topic = "Arbetsintegrerande sociala företag efter pandemin",
            Name = "Nils Ekman",
            Organisation = "Coompanion",
            CreatedAt = now.AddDays(-40),
            HandledAt = now.AddDays(-30),
            HandledByName = Contact,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private CalendarEvent Add(EventKind kind, string slug, string title, string summary, string description,
        DateTimeOffset start, DateTimeOffset end, bool online, int? capacity, DateTimeOffset? closes, string organiser, string? location = null)
    {
        var created = start.AddDays(-30);
        var e = new CalendarEvent
        {
            Uid = Guid.NewGuid(),
            Slug = slug,
            Kind = kind,
            Title = title,
            Summary = summary,
            Description = description.ReplaceLineEndings("\n"),
            StartsAt = start,
            EndsAt = end,
            IsOnline = online,
            JoinUrl = online ? $"https://meet.example.se/samordna/{slug}" : null,
            Location = online ? null : location,
            Organiser = organiser,
            ContactName = Contact,
            ContactEmail = ContactEmail,
            ContactPhone = "08-590 970 10",
            Audience = EventAudience.Public,
            Capacity = capacity,
            RegistrationClosesAt = closes,
            RegistrationEnabled = true,
            State = EventState.Published,
            CreatedAt = created,
            UpdatedAt = created,
            UpdatedByName = Contact,
        };
        db.Add(e);
        return e;
    }

    private void Register(CalendarEvent e, int count, int? attended)
    {
        var capacity = e.Capacity ?? int.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var (name, organisation) = (People[i % People.Length].Split('|')[0], People[i % People.Length].Split('|')[1]);
            var email = $"{Fold(name)}.{e.Id}@demo.example.se";
            var at = e.CreatedAt.AddDays(1).AddHours(i * 7);
            var confirmed = i < capacity;
            db.Add(new EventRegistration
            {
                EventId = e.Id,
                Token = EventLinks.NewToken(),
                Name = name,
                Email = email,
                NormalizedEmail = email,
                Organisation = organisation,
                Needs = i % 5 == 2 ? "Vegetarisk kost" : null,
                ConsentedAt = at,
                Status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
                SubmissionId = Guid.NewGuid(),
                QueuedAt = at,
                CreatedAt = at,
                UpdatedAt = at,
                ConfirmedAt = confirmed ? at : null,
                Attended = attended is { } n && confirmed ? i < n : null,
                RemindedForStart = e.StartsAt < time.GetUtcNow() && confirmed ? e.StartsAt : null,
                BaseUrl = BaseUrl,
            });
        }
    }

    private static string Fold(string name) => Slugs.From(name).Replace('-', '.');

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        StockholmTime.FromStockholm(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));
}
