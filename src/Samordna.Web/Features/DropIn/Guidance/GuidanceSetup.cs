using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Guidance;

/// <summary>Civic guidance: a member's private thread with the staff of a space (/motesplats/{space}/vagledning).</summary>
public static class DropInGuidanceSetup
{
    public static WebApplicationBuilder AddDropInGuidance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GuidanceService>();
        builder.Services.AddSingleton(new EnglishTexts(GuidanceEnglish.Texts));
        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/DropIn/Guidance", Policies.SignedIn));
        return builder;
    }
}

internal static class GuidanceEnglish
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["Har du en fråga som du inte vill ställa inför alla? Skriv privat till personalen i"] = "Do you have a question you would rather not ask in front of everyone? Write privately to the staff of",
        ["Det kan handla om CSN, Försäkringskassan, Arbetsförmedlingen, bostad, ekonomi eller ett brev du inte förstår."] = "It can be about student finance (CSN), Försäkringskassan, Arbetsförmedlingen, housing, money or a letter you do not understand.",
        ["Bara du och personalen ser det du skriver. Andra medlemmar ser inte ens att tråden finns."] = "Only you and the staff see what you write. Other members do not even see that the thread exists.",
        ["Personalen svarar under öppettiderna. Det du skriver sparas som andra meddelanden i mötesplatsen."] = "The staff answer during opening hours. What you write is kept like other messages in the meeting place.",
        ["Behöver du hjälp nu? Ring 112 vid fara. Vill du prata med någon dygnet runt: Mind Självmordslinjen, ring 90101."] = "Do you need help now? Call 112 in an emergency. To talk to someone day or night: Mind's suicide line, call 90101.",
        ["Starta en privat tråd med personalen"] = "Start a private thread with the staff",
        ["Tillbaka till mötesplatsen"] = "Back to the meeting place",
    };
}
