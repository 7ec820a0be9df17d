using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Features.Pages;

/// <summary>What an editor types into the page form. Validated by hand so the messages can say how long the text is.</summary>
public sealed class PageInput
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Body { get; set; }

    public static PageInput From(ContentPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new() { Title = page.Title, Description = page.Description, Body = page.Body };
    }

    public static PageInput From(ContentPageRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new() { Title = revision.Title, Description = revision.Description, Body = revision.Body };
    }

    /// <summary>Trims the one-line fields and gives the body plain line breaks (browsers send CR LF).</summary>
    public void Normalise()
    {
        Title = Title?.Trim();
        Description = Description?.Trim().ReplaceLineEndings(" ");
        Body = Body?.ReplaceLineEndings("\n");
    }

    /// <summary>Adds a Swedish message per invalid field under "<paramref name="prefix"/>.Field"; true when all is well.</summary>
    public bool Validate(ModelStateDictionary modelState, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        Normalise();
        var ok = true;
        ok &= Check(modelState, $"{prefix}.{nameof(Title)}", Title, ContentPage.TitleMaxLength,
            "Skriv en titel. Den blir sidans huvudrubrik.", "Titeln");
        ok &= Check(modelState, $"{prefix}.{nameof(Description)}", Description, ContentPage.DescriptionMaxLength,
            "Skriv en kort beskrivning av sidan. Den visas i sökmotorernas träfflistor.", "Beskrivningen");
        ok &= Check(modelState, $"{prefix}.{nameof(Body)}", Body, ContentPage.BodyMaxLength,
            "Skriv sidans text.", "Texten");
        return ok;
    }

    private static bool Check(ModelStateDictionary modelState, string key, string? value, int max, string missing, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            modelState.AddModelError(key, missing);
            return false;
        }
        if (value.Length > max)
        {
            modelState.AddModelError(key,
                $"{what} får vara högst {max.ToString("N0", Swedish)} tecken, men är {value.Length.ToString("N0", Swedish)} tecken. Korta den med {(value.Length - max).ToString("N0", Swedish)} tecken.");
            return false;
        }
        return true;
    }
}
