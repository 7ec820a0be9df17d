using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samordna.Web.Platform.Web;

public static class PageModelExtensions
{
    /// <summary>The same page again with 400: the form re-rendered with its messages and everything the person typed.</summary>
    public static PageResult Invalid(this PageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var page = model.Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
