using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Documents.Admin;

/// <summary>
/// Uploading a document (/redaktion/dokument/ny) and changing one (/redaktion/dokument/{id}): title, year, category
/// and the PDF itself, which can be replaced while the document keeps its address. A refused file or field brings
/// the form back with a message and everything else as typed (a browser cannot keep a chosen file, so the page says
/// to choose it again).
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(DocumentQueries documents, DocumentEditor editor, DocumentStore store, TimeProvider time) : PageModel
{
    /// <summary>Well above the file limit, so a too-large file gets a message in the form rather than an error page.</summary>
    public const long MaxRequestBytes = 40 * 1024 * 1024;

    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Document? Existing { get; private set; }
    public string? ConflictMessage { get; private set; }

    /// <summary>Whether a chosen file was dropped because something else in the form needed fixing.</summary>
    public bool FileNotKept { get; private set; }

    public int MaxYear => time.GetUtcNow().ToStockholm().Year + 1;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Input.Year = time.GetUtcNow().ToStockholm().Year.ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        Existing = await documents.FindAsync(id.Value, cancellationToken);
        if (Existing is null)
        {
            return NotFound();
        }
        Input = DocumentInput.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Existing = await documents.FindAsync(id.Value, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
        }
        var draft = Validate();
        var hasFile = Upload is { Length: > 0 } || Upload?.FileName is { Length: > 0 };
        if (hasFile)
        {
            if (await DocumentStore.CheckAsync(Upload!, cancellationToken) is { } fileError)
            {
                ModelState.AddModelError("Upload", fileError);
            }
        }
        else if (Existing is null)
        {
            ModelState.AddModelError("Upload", "Välj en PDF-fil att ladda upp.");
        }
        if (!ModelState.IsValid)
        {
            FileNotKept = hasFile && ModelState.GetFieldValidationState("Upload") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
            return this.Invalid();
        }

        StoredPdf? file = null;
        if (hasFile)
        {
            (file, var error) = await store.SaveAsync(Upload!, cancellationToken);
            if (error is not null)
            {
                ModelState.AddModelError("Upload", error);
                return this.Invalid();
            }
        }
        var editorName = User.DisplayName() is { Length: > 0 } name ? name : User.FindFirstValue(ClaimTypes.Name) ?? "";
        if (Existing is null)
        {
            var created = await editor.CreateAsync(draft!, file!, editorName, cancellationToken);
            TempData["Status"] = $"Dokumentet ”{created.Title}” är uppladdat och syns i dokumentlistan.";
            return Redirect(DocumentUrls.Admin);
        }
        var result = await editor.UpdateAsync(Existing.Id, Input.Version, draft!, file, editorName, cancellationToken);
        if (!result.Succeeded)
        {
            ConflictMessage = result.Error;
            FileNotKept = file is not null;
            return PageWithStatus(StatusCodes.Status409Conflict);
        }
        TempData["Status"] = file is null ? "Ändringarna är sparade." : "Ändringarna är sparade och den nya filen har ersatt den gamla.";
        return Redirect(DocumentUrls.Edit(Existing.Id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.DeleteAsync(id, Input.Version, cancellationToken))
        {
            TempData["Status"] = "Dokumentet är borttaget.";
            return Redirect(DocumentUrls.Admin);
        }
        Existing = await documents.FindAsync(id, cancellationToken);
        if (Existing is null)
        {
            return NotFound();
        }
        Input = DocumentInput.From(Existing);
        ConflictMessage = "Dokumentet har ändrats av någon annan sedan du öppnade det och togs inte bort. Kontrollera den senaste versionen nedan.";
        return PageWithStatus(StatusCodes.Status409Conflict);
    }

    private DocumentDraft? Validate()
    {
        var title = Input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            ModelState.AddModelError("Input.Title", "Skriv en titel, till exempel ”Årsredovisning 2019”.");
        }
        else if (title.Length > Document.TitleMaxLength)
        {
            ModelState.AddModelError("Input.Title", $"Titeln får vara högst {Document.TitleMaxLength} tecken.");
        }
        int year = 0;
        if (string.IsNullOrWhiteSpace(Input.Year))
        {
            ModelState.AddModelError("Input.Year", "Ange vilket år dokumentet gäller.");
        }
        else if (!int.TryParse(Input.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < Document.MinYear || year > MaxYear)
        {
            ModelState.AddModelError("Input.Year", $"Ange året med fyra siffror, mellan {Document.MinYear} och {MaxYear}.");
        }
        var category = DocumentCategories.FromSlug(Input.Category);
        if (category is null)
        {
            ModelState.AddModelError("Input.Category", "Välj en kategori.");
        }
        return ModelState.IsValid ? new DocumentDraft(title, year, category!.Value) : null;
    }

    private PageResult PageWithStatus(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}

/// <summary>The form's fields as typed, so that a form with errors comes back exactly as it was sent.</summary>
public sealed class DocumentInput
{
    public string? Title { get; set; }
    public string? Year { get; set; }

    /// <summary>The category's slug (<see cref="DocumentCategories.Slug"/>).</summary>
    public string? Category { get; set; }

    public int Version { get; set; }

    public static DocumentInput From(Document document) => new()
    {
        Title = document.Title,
        Year = document.Year.ToString(CultureInfo.InvariantCulture),
        Category = document.Category.Slug(),
        Version = document.Version,
    };
}
