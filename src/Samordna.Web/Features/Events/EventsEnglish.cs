namespace Samordna.Web.Features.Events;

/// <summary>English for the calendar's pages. Event texts themselves are written in Swedish and are not translated.</summary>
public static class EventsEnglish
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
    };
}
