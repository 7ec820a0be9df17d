using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>What the create and edit pages share: the event form's fields (rendered by _EventFields).</summary>
public abstract class EventFormPage : PageModel
{
    public const string SaveIntent = "save";
    public const string DraftIntent = "draft";
    public const string PublishIntent = "publish";

    [BindProperty]
    public EventInput Input { get; set; } = new();
}
