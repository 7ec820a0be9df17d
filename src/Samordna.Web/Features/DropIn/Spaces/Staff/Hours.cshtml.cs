using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>
/// …/personal/oppettider: the weekly openings (day, opens, closes; no overlaps on a day), the special days (closed
/// or other hours, with a note) and the public holidays coming up.
/// </summary>
public sealed class HoursModel(SpaceAdmin spaces, TimeProvider time) : SpaceStaffPage
{
    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    [BindProperty]
    public SpecialDayInput Day { get; set; } = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public IReadOnlyList<OpeningHoursRule> Rules => SpaceText.Ordered(Space.OpeningHours);

    public IReadOnlyList<SpecialDay> SpecialDays =>
        Space.SpecialDays.Where(d => d.Date >= SpaceText.Today(Now)).OrderBy(d => d.Date).ToList();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAddRuleAsync(CancellationToken cancellationToken)
    {
        if (!Rule.Validate(ModelState, Space.OpeningHours))
        {
            return this.Invalid();
        }
        await spaces.AddRuleAsync(Space, Rule, cancellationToken);
        return Done($"{SpaceText.DayName(Rule.ParsedDay)} {SpaceText.Span(Rule.ParsedOpens, Rule.ParsedCloses)} finns nu med i öppettiderna.", "oppettider");
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(int id, CancellationToken cancellationToken) =>
        Done(await spaces.RemoveRuleAsync(Space, id, cancellationToken) ? "Öppettiden är borttagen." : "Öppettiden var redan borttagen.", "oppettider");

    public async Task<IActionResult> OnPostSaveDayAsync(CancellationToken cancellationToken)
    {
        if (!Day.Validate(ModelState, SpaceText.Today(Now)))
        {
            return this.Invalid();
        }
        await spaces.SaveSpecialDayAsync(Space, Day, cancellationToken);
        return Done($"Den avvikande dagen {SpaceText.Date(Day.ParsedDate)} är sparad.", "oppettider");
    }

    public async Task<IActionResult> OnPostRemoveDayAsync(int id, CancellationToken cancellationToken) =>
        Done(await spaces.RemoveSpecialDayAsync(Space, id, cancellationToken) ? "Den avvikande dagen är borttagen." : "Den avvikande dagen var redan borttagen.", "oppettider");
}
