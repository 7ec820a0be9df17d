using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.News.Admin;

/// <summary>
/// Writing a news article: one form for a new article (/redaktion/nyheter/ny) and an existing one
/// (/redaktion/nyheter/{id}). Every button saves what is typed; they differ in what happens to the publication.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(AppDbContext db, NewsEditor editor, NewsImageStore images, TimeProvider time) : PageModel
{
    /// <summary>Well above the image limit, so a too-large image gets a message in the form rather than an error page.</summary>
    public const long MaxRequestBytes = 32 * 1024 * 1024;
    public const int MaxTags = 10;
    private const string ScheduleFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty]
    public NewsInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int? ArticleId { get; private set; }
    public NewsStatus Status { get; private set; } = NewsStatus.Draft;
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublicUrl { get; private set; }
    public NewsImage? Image { get; private set; }
    public string? ConflictMessage { get; private set; }

    /// <summary>Set when the editor asked for a preview: the article as it would look, from what is in the form.</summary>
    public NewsArticle? Preview { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }
        var article = await LoadAsync(id.Value, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Input = NewsInput.From(article);
        if (article.PublishedAt is { } at && article.StatusAt(Now) == NewsStatus.Scheduled)
        {
            Input.PublishAt = at.ToStockholm().ToString(ScheduleFormat, CultureInfo.InvariantCulture);
        }
        await LoadImageAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromForm(Name = "command")] string? command, CancellationToken cancellationToken)
    {
        var action = command switch
        {
            "publish" => NewsEditAction.Publish,
            "schedule" => NewsEditAction.Schedule,
            "unpublish" => NewsEditAction.Unpublish,
            _ => NewsEditAction.Save,
        };
        var preview = command == "preview";

        NewsArticle? existing = null;
        if (id is not null)
        {
            existing = await LoadAsync(id.Value, cancellationToken);
            if (existing is null)
            {
                return NotFound();
            }
        }

        // The image first: a good upload is kept (as the form's image) even when other fields need fixing.
        if (Upload is { Length: > 0 } || Upload?.FileName is { Length: > 0 })
        {
            var (image, error) = await images.SaveAsync(Upload, cancellationToken);
            if (error is not null)
            {
                ModelState.AddModelError("Upload", error);
            }
            else
            {
                Input.ImageId = image!.Id;
                Input.RemoveImage = false;
            }
        }
        if (Input.RemoveImage)
        {
            Input.ImageId = null;
        }
        await LoadImageAsync(cancellationToken);
        if (Input.ImageId is not null && Image is null)
        {
            Input.ImageId = null; // An id that does not exist: ignore it rather than fail.
        }

        var tags = NewsEditor.ParseTags(Input.Tags);
        var goesPublic = action is NewsEditAction.Publish or NewsEditAction.Schedule
            || (action == NewsEditAction.Save && existing?.PublishedAt is not null);
        Validate(tags, requireContent: goesPublic && !preview, requireImageAlt: !preview);
        DateTimeOffset? scheduleAt = null;
        if (action == NewsEditAction.Schedule && !preview)
        {
            if (existing?.IsPublicAt(Now) == true)
            {
                ModelState.AddModelError("Input.PublishAt", "Nyheten är redan publicerad. Avpublicera den först om den ska visas vid en senare tidpunkt.");
            }
            else
            {
                scheduleAt = ValidateSchedule();
            }
        }

        if (preview)
        {
            Preview = new NewsArticle
            {
                Title = Input.Title?.Trim() ?? "",
                Ingress = Input.Ingress?.Trim() ?? "",
                Body = Input.Body ?? "",
                ImageId = Input.ImageId,
                ImageAlt = Input.ImageAlt?.Trim(),
                PublishedAt = existing?.PublishedAt ?? Now,
                Tags = tags.Select(t => new NewsArticleTag { Name = t, Slug = Slugs.From(t, NewsArticleTag.NameMaxLength) }).ToList(),
            };
            return PageWithStatus(ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }
        if (!ModelState.IsValid)
        {
            return PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var draft = new NewsDraft(Input.Title!.Trim(), Input.Ingress?.Trim() ?? "", Input.Body ?? "", tags, Input.Slug,
            Input.ImageId, Input.ImageAlt?.Trim());
        var editorName = User.DisplayName() is { Length: > 0 } name ? name : User.FindFirstValue(ClaimTypes.Name) ?? "";
        var result = await editor.SaveAsync(id, Input.Version, draft, action, scheduleAt, editorName, cancellationToken);
        if (result.Conflict)
        {
            ConflictMessage = result.Error;
            return PageWithStatus(StatusCodes.Status409Conflict);
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input." + result.Field, result.Error!);
            return PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var article = result.Article!;
        TempData["Status"] = action switch
        {
            NewsEditAction.Publish when existing?.IsPublicAt(Now) == true => "Ändringarna är sparade och syns på webbplatsen.",
            NewsEditAction.Publish => "Nyheten är publicerad.",
            NewsEditAction.Schedule => $"Nyheten publiceras {article.PublishedAt!.Value.FormatDateTime()}.",
            NewsEditAction.Unpublish => "Nyheten är avpublicerad och är nu ett utkast.",
            _ when article.IsPublicAt(Now) => "Ändringarna är sparade och syns på webbplatsen.",
            _ when article.PublishedAt is not null => "Ändringarna är sparade.",
            _ => "Utkastet är sparat.",
        };
        return Redirect(NewsUrls.Edit(article.Id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await editor.DeleteAsync(id, Input.Version, cancellationToken))
        {
            var article = await LoadAsync(id, cancellationToken);
            if (article is null)
            {
                return NotFound();
            }
            Input = NewsInput.From(article);
            await LoadImageAsync(cancellationToken);
            ConflictMessage = "Nyheten har ändrats av någon annan sedan du öppnade den och togs inte bort. Kontrollera den senaste versionen nedan.";
            return PageWithStatus(StatusCodes.Status409Conflict);
        }
        TempData["Status"] = "Nyheten är borttagen.";
        return Redirect(NewsUrls.Admin);
    }

    private async Task<NewsArticle?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Set<NewsArticle>().AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is not null)
        {
            ArticleId = article.Id;
            Status = article.StatusAt(Now);
            PublishedAt = article.PublishedAt;
            PublicUrl = Status == NewsStatus.Published ? article.Url : null;
        }
        return article;
    }

    private async Task LoadImageAsync(CancellationToken cancellationToken) =>
        Image = Input.ImageId is { } imageId ? await images.FindAsync(imageId, cancellationToken) : null;

    private PageResult PageWithStatus(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private void Validate(List<string> tags, bool requireContent, bool requireImageAlt)
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Skriv en rubrik.");
        }
        else if (Input.Title.Trim().Length > NewsArticle.TitleMaxLength)
        {
            ModelState.AddModelError("Input.Title", $"Rubriken får vara högst {NewsArticle.TitleMaxLength} tecken.");
        }
        if (string.IsNullOrWhiteSpace(Input.Ingress))
        {
            if (requireContent)
            {
                ModelState.AddModelError("Input.Ingress", "Skriv en ingress innan nyheten publiceras.");
            }
        }
        else if (Input.Ingress.Trim().Length > NewsArticle.IngressMaxLength)
        {
            ModelState.AddModelError("Input.Ingress", $"Ingressen får vara högst {NewsArticle.IngressMaxLength} tecken. Flytta resten till brödtexten.");
        }
        if (string.IsNullOrWhiteSpace(Input.Body))
        {
            if (requireContent)
            {
                ModelState.AddModelError("Input.Body", "Skriv en brödtext innan nyheten publiceras.");
            }
        }
        else if (Input.Body.Length > NewsArticle.BodyMaxLength)
        {
            ModelState.AddModelError("Input.Body", "Brödtexten får vara högst 50 000 tecken.");
        }
        if (tags.Count > MaxTags)
        {
            ModelState.AddModelError("Input.Tags", $"Ange högst {MaxTags} taggar.");
        }
        else if (tags.FirstOrDefault(t => t.Length > NewsArticleTag.NameMaxLength) is { } longTag)
        {
            ModelState.AddModelError("Input.Tags", $"Taggen ”{longTag}” är för lång; en tagg får vara högst {NewsArticleTag.NameMaxLength} tecken.");
        }
        else if (tags.FirstOrDefault(t => Slugs.From(t).Length == 0) is { } emptyTag)
        {
            ModelState.AddModelError("Input.Tags", $"Taggen ”{emptyTag}” måste innehålla minst en bokstav eller siffra.");
        }
        if (Input.Slug?.Trim().Length > NewsArticle.SlugMaxLength)
        {
            ModelState.AddModelError("Input.Slug", $"Adressen får vara högst {NewsArticle.SlugMaxLength} tecken.");
        }
        if (Input.ImageId is not null)
        {
            if (string.IsNullOrWhiteSpace(Input.ImageAlt))
            {
                if (requireImageAlt)
                {
                    ModelState.AddModelError("Input.ImageAlt", "Skriv en alternativtext som beskriver vad bilden visar.");
                }
            }
            else if (Input.ImageAlt.Trim().Length > NewsArticle.ImageAltMaxLength)
            {
                ModelState.AddModelError("Input.ImageAlt", $"Alternativtexten får vara högst {NewsArticle.ImageAltMaxLength} tecken.");
            }
        }
    }

    /// <summary>The schedule field is a Stockholm wall-clock time (datetime-local); the stored instant is UTC.</summary>
    private DateTimeOffset? ValidateSchedule()
    {
        if (string.IsNullOrWhiteSpace(Input.PublishAt))
        {
            ModelState.AddModelError("Input.PublishAt", "Ange datum och tid för publiceringen.");
            return null;
        }
        if (!DateTime.TryParseExact(Input.PublishAt.Trim(), [ScheduleFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            ModelState.AddModelError("Input.PublishAt", "Ange datum och tid som 2026-12-01 10:00.");
            return null;
        }
        var instant = StockholmTime.FromStockholm(wallClock);
        if (instant <= Now)
        {
            ModelState.AddModelError("Input.PublishAt", "Tidpunkten har redan passerat. Välj en senare tid, eller publicera nu.");
            return null;
        }
        return instant;
    }
}

/// <summary>The form's fields, all as typed, so that a form with errors comes back exactly as it was sent.</summary>
public sealed class NewsInput
{
    public string? Title { get; set; }
    public string? Ingress { get; set; }
    public string? Body { get; set; }
    public string? Tags { get; set; }
    public string? Slug { get; set; }
    public Guid? ImageId { get; set; }
    public string? ImageAlt { get; set; }
    public bool RemoveImage { get; set; }

    /// <summary>Stockholm wall-clock time for scheduling, as a datetime-local field sends it.</summary>
    public string? PublishAt { get; set; }

    public int Version { get; set; }

    public static NewsInput From(NewsArticle article) => new()
    {
        Title = article.Title,
        Ingress = article.Ingress,
        Body = article.Body,
        Tags = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.Create(StockholmTime.Swedish, ignoreCase: true))),
        Slug = article.Slug,
        ImageId = article.ImageId,
        ImageAlt = article.ImageAlt,
        Version = article.Version,
    };
}
