using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Features.News;

/// <summary>The start page's block with the latest news.</summary>
public sealed class LatestNewsViewComponent(NewsQueries news) : ViewComponent
{
    public const int Count = 4;

    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/News/_LatestNews.cshtml", await news.LatestAsync(Count, HttpContext.RequestAborted));
}
