using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Events.Admin;

/// <summary>Topic suggestions from the public form: new ones first; staff mark them handled (or new again).</summary>
public sealed class SuggestionsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<TopicSuggestion> New { get; private set; } = [];

    public IReadOnlyList<TopicSuggestion> Handled { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<TopicSuggestion>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        New = all.Where(s => s.HandledAt is null).ToList();
        Handled = all.Where(s => s.HandledAt is not null).ToList();
    }

    public async Task<IActionResult> OnPostMarkAsync(int suggestionId, bool handled, CancellationToken cancellationToken)
    {
        var suggestion = await db.Set<TopicSuggestion>().SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }
        suggestion.HandledAt = handled ? time.GetUtcNow() : null;
        suggestion.HandledByName = handled ? User.DisplayName() : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = handled ? $"”{suggestion.Topic}” är markerat som hanterat." : $"”{suggestion.Topic}” är markerat som nytt igen.";
        return RedirectToPage();
    }
}
