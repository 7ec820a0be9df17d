namespace Samordna.Web.Features.Events;

/// <param name="Event">The event to show.</param>
/// <param name="Counts">Registration counts, for "places left"; null to leave them out.</param>
/// <param name="HeadingLevel">2 on the calendar pages, 3 inside the start page's block.</param>
/// <param name="Href">Where the title links; the public page by default.</param>
/// <param name="ShowPlaces">Whether to say how many places are left.</param>
public sealed record EventCardModel(CalendarEvent Event, EventCounts? Counts, int HeadingLevel = 2, string? Href = null, bool ShowPlaces = true);
