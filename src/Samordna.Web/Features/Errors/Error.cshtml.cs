using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Errors;

/// <summary>Error pages without stack traces: a status code and a plain Swedish sentence.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Något gick fel";
    public string Message { get; private set; } = "Ett oväntat fel inträffade. Försök igen om en stund. Om felet består, kontakta förbundet.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Heading, Message) = status switch
        {
            404 => ("Sidan finns inte", "Sidan du letar efter finns inte, eller så har den flyttats."),
            403 => ("Du har inte behörighet", "Ditt konto har inte behörighet till den här sidan."),
            400 => ("Felaktig begäran", "Begäran kunde inte tolkas. Gå tillbaka och försök igen; det du skrev i formuläret finns kvar om du använder webbläsarens bakåtknapp."),
            405 => ("Det gick inte att göra så", "Sidan tar inte emot den sortens begäran."),
            413 => ("För stor fil eller för mycket text", "Det du skickade var för stort. Försök med en mindre fil eller kortare text."),
            429 => ("För många försök", "Du har gjort för många försök på kort tid. Vänta en minut och försök igen."),
            _ => (Heading, Message),
        };
    }
}
