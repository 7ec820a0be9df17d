using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents;

/// <summary>
/// Demo documents around the news of spring 2020: the 2019 annual report adopted at the board meeting of 18 March
/// 2020, that meeting's minutes and the notice-board announcement that they were approved, earlier minutes and
/// reports, a plan and budget, and 2022's minutes about the "Spaning 2022" pre-studies. Each file is a small PDF
/// written in code, so the list shows real sizes and the links open.
/// </summary>
public sealed class DocumentsDemoSeeder(AppDbContext db, DocumentStore store, TimeProvider time, IOptionsSnapshot<SiteInfo> site) : IDemoSeeder
{
    public const string Editor = "Kipa Poikolainen";

    public int Order => 25;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await db.Set<Document>().AnyAsync(cancellationToken))
        {
            return;
        }
        var name = site.Value.Name;
        var now = time.GetUtcNow();
        foreach (var demo in Demo(name))
        {
            var bytes = SimplePdf.Create(demo.Title, demo.Paragraphs);
            using var stream = new MemoryStream(bytes);
            var fileName = Slugs.From(demo.Title) + ".pdf";
            var file = await store.SaveAsync(stream, fileName, cancellationToken);
            var uploaded = StockholmTime.FromStockholm(demo.Uploaded);
            if (uploaded > now)
            {
                uploaded = now;
            }
            db.Add(new Document
            {
                Title = demo.Title,
                Year = demo.Year,
                Category = demo.Category,
                FileId = file.Id,
                Length = file.Length,
                OriginalFileName = fileName,
                FileUploadedAt = uploaded,
                CreatedAt = uploaded,
                UpdatedAt = uploaded,
                UpdatedBy = Editor,
                Version = 1,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DemoDocument(string Title, int Year, DocumentCategory Category, DateTime Uploaded, string[] Paragraphs);

    private static DemoDocument[] Demo(string name) =>
    [
        new("Årsredovisning 2018", 2018, DocumentCategory.AnnualReport, new DateTime(2019, 3, 21, 9, 0, 0),
        [
            $"{name}. Årsredovisning för verksamhetsåret 2018, fastställd av styrelsen i mars 2019.",
            "Förbundet har under året drivit tre Resursteam, ett i varje medlemskommun, och projektet SAMRE för sjukskrivna utan sjukpenning.",
            "Förberedelserna för en insats för unga mellan 16 och 29 år, HOPPET, har pågått under hösten. Insatsen startar i maj 2019.",
        ]),
        new("Årsredovisning 2019", 2019, DocumentCategory.AnnualReport, new DateTime(2020, 3, 19, 10, 0, 0),
        [
            $"{name}. Årsredovisning för verksamhetsåret 2019. Årsredovisningen behandlades vid styrelsemötet den 18 mars 2020.",
            "Förbundet har drivit tre Resursteam, ett i varje kommun. Teamen är multikompetenta och består av medarbetare från alla medlemsparter.",
            "Projektet SAMRE har genomfört sitt sista projektår. En SAMRE-modell har tagits fram och medlemsparterna har tecknat en gemensam lokal överenskommelse.",
            "Insatsen HOPPET för unga mellan 16 och 29 år startade i maj 2019.",
            "Under 2019 registrerades 299 deltagare, 170 kvinnor och 129 män. 12 personer gick ut i arbete utan subvention och fem i subventionerat arbete.",
            "Sex frukostmöten har genomförts för medlemsparternas medarbetare och chefer.",
        ]),
        new("Protokoll styrelsemöte 2 december 2019", 2019, DocumentCategory.BoardMinutes, new DateTime(2019, 12, 9, 14, 0, 0),
        [
            $"Protokoll fört vid sammanträde med styrelsen för {name} den 2 december 2019.",
            "§ 40 Verksamhetsplan och budget 2020 fastställdes.",
            "§ 41 Styrelsen beslutade att förbundet deltar i de länsövergripande ESF-projekten MIA Vidare och Rätt stöd för mig.",
            "§ 42 Rapport från HOPPET: många unga har hittat till verksamheten sedan starten i maj.",
        ]),
        new("Protokoll styrelsemöte 18 mars 2020", 2020, DocumentCategory.BoardMinutes, new DateTime(2020, 3, 25, 11, 0, 0),
        [
            $"Protokoll fört vid sammanträde med styrelsen för {name} den 18 mars 2020.",
            "§ 5 Årsredovisning 2019. Styrelsen fastställde årsredovisningen för 2019 och överlämnar den till medlemsparterna.",
            "§ 6 Information om coronaviruset. Resursteamen håller kontakt med deltagarna per telefon och HOPPET:s lokal är stängd tills vidare. HOPPET prövar digitala drop in.",
            "§ 7 Eftermiddagsminglet om arbetsintegrerande sociala företag den 19 mars ställs in och flyttas till hösten.",
        ]),
        new("Anslag: justerat protokoll från styrelsemötet 18 mars 2020", 2020, DocumentCategory.NoticeBoard, new DateTime(2020, 3, 25, 11, 5, 0),
        [
            $"Tillkännagivande om justering av protokoll. Organ: styrelsen för {name}.",
            "Sammanträdesdatum: 18 mars 2020. Protokollet justerades den 25 mars 2020.",
            "Anslaget sätts upp den 25 mars 2020 och tas ned den 16 april 2020.",
            "Protokollet förvaras på förbundets kansli. Den som vill överklaga ett beslut genom laglighetsprövning ska göra det inom tre veckor från den dag då anslaget sattes upp.",
        ]),
        new("Verksamhetsplan och budget 2021", 2021, DocumentCategory.Plan, new DateTime(2020, 11, 27, 9, 0, 0),
        [
            $"{name}. Verksamhetsplan och budget för 2021, fastställd av styrelsen i november 2020.",
            "Fokus för 2021: att hålla i arbetet enligt SAMRE-modellen, att utveckla HOPPET:s digitala drop in som komplement till lokalen, och att stärka samverkan med de arbetsintegrerande sociala företagen.",
        ]),
        new("Protokoll styrelsemöte 10 juni 2022", 2022, DocumentCategory.BoardMinutes, new DateTime(2022, 6, 17, 10, 0, 0),
        [
            $"Protokoll fört vid sammanträde med styrelsen för {name} den 10 juni 2022.",
            "§ 21 Spaning 2022. Rapport om de två förstudierna som ska definiera framtidens målgrupper och behov av insatser. Kartläggningen är klar mot slutet av sommaren.",
            "§ 22 Styrelsen noterade att frågebatteriet till chefer, medarbetare, deltagare och civilsamhällets organisationer har skickats ut.",
        ]),
    ];
}
