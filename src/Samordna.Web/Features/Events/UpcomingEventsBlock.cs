using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Features.Events;

/// <summary>The start page's "Kommande evenemang": the next three public (or, signed in, members') events.</summary>
public sealed class UpcomingEventsBlock(EventQueries queries, TimeProvider time) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var signedIn = EventAccess.IsMember(UserClaimsPrincipal);
        var events = await queries.UpcomingAsync(time.GetUtcNow(), signedIn, Count, HttpContext.RequestAborted);
        return View("/Features/Events/_UpcomingEventsBlock.cshtml", events);
    }
}
