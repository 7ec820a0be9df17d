using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>Validation helpers shared by the spaces' forms: each adds a Swedish message to the field it concerns.</summary>
public static class SpaceValidation
{
    public const int MinAgeLimit = 13;
    public const int MaxAgeLimit = 99;

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HH:mm:ss", "HHmm", "%H"];

    public static bool Fail(ModelStateDictionary modelState, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        modelState.AddModelError(key, message);
        return false;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.ReplaceLineEndings("\n").Trim();

    /// <summary>Required text within a length: "Skriv …" when missing, "… får vara högst N tecken" when too long.</summary>
    public static bool Text(ModelStateDictionary modelState, string key, string? value, int max, string? missing, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return missing is null || Fail(modelState, key, missing);
        }
        return value.Length <= max
            || Fail(modelState, key, string.Create(CultureInfo.InvariantCulture, $"{what} får vara högst {max} tecken (nu {value.Length})."));
    }

    /// <summary>"17:00", "17.00" or "17" as a time of day.</summary>
    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Opening and closing times of a day: both given, and the closing after the opening.</summary>
    public static (TimeOnly Opens, TimeOnly Closes)? Hours(ModelStateDictionary modelState, string prefix, string? opens, string? closes)
    {
        var o = ParseTime(opens);
        var c = ParseTime(closes);
        var ok = true;
        if (o is null)
        {
            ok = Fail(modelState, prefix + ".Opens", string.IsNullOrWhiteSpace(opens)
                ? "Ange när det öppnar, till exempel 13.00."
                : "Skriv öppningstiden som timmar och minuter, till exempel 13.00.");
        }
        if (c is null)
        {
            ok = Fail(modelState, prefix + ".Closes", string.IsNullOrWhiteSpace(closes)
                ? "Ange när det stänger, till exempel 16.00."
                : "Skriv stängningstiden som timmar och minuter, till exempel 16.00.");
        }
        else if (o is not null && c <= o)
        {
            ok = Fail(modelState, prefix + ".Closes", "Stängningstiden måste vara efter öppningstiden.");
        }
        return ok ? (o!.Value, c!.Value) : null;
    }
}

/// <summary>A new space: its name, a short description and the creator's first name in it.</summary>
public sealed class NewSpaceInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? DisplayName { get; set; }

    public bool Validate(ModelStateDictionary modelState)
    {
        Name = SpaceValidation.Clean(Name);
        Description = SpaceValidation.Clean(Description);
        DisplayName = SpaceValidation.Clean(DisplayName);
        var ok = SpaceValidation.Text(modelState, "Input.Name", Name, Space.NameMaxLength, "Skriv ett namn på mötesplatsen.", "Namnet");
        if (ok && Name is not null && Platform.Web.Slugs.From(Name, Space.SlugMaxLength).Length == 0)
        {
            ok = SpaceValidation.Fail(modelState, "Input.Name", "Namnet behöver innehålla minst en bokstav eller siffra.");
        }
        ok &= SpaceValidation.Text(modelState, "Input.Description", Description, Space.DescriptionMaxLength, null, "Beskrivningen");
        ok &= DisplayNameInput.Validate(modelState, "Input.DisplayName", DisplayName, "Skriv ditt förnamn, så som medlemmarna ska se det.");
        return ok;
    }
}

public static class DisplayNameInput
{
    public static bool Validate(ModelStateDictionary modelState, string key, string? value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SpaceValidation.Fail(modelState, key, missing);
        }
        if (value.Length is < SpaceMember.DisplayNameMinLength or > SpaceMember.DisplayNameMaxLength)
        {
            return SpaceValidation.Fail(modelState, key, string.Create(CultureInfo.InvariantCulture,
                $"Namnet ska vara {SpaceMember.DisplayNameMinLength}–{SpaceMember.DisplayNameMaxLength} tecken."));
        }
        return true;
    }
}

/// <summary>The settings form: everything about a space except its hours, channels and people.</summary>
public sealed class SpaceSettingsInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? HouseRules { get; set; }

    public string? MinAge { get; set; }

    public string? MaxAge { get; set; }

    public string? PhysicalDropIn { get; set; }

    public string? PhysicalAddress { get; set; }

    public bool ClosedOnPublicHolidays { get; set; }

    /// <summary>The <see cref="Space.Version"/> the form was filled from.</summary>
    public Guid Version { get; set; }

    public int ParsedMinAge { get; private set; }

    public int ParsedMaxAge { get; private set; }

    public static SpaceSettingsInput From(Space space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return new()
        {
            Name = space.Name,
            Description = space.Description,
            HouseRules = space.HouseRules,
            MinAge = space.MinAge.ToString(CultureInfo.InvariantCulture),
            MaxAge = space.MaxAge.ToString(CultureInfo.InvariantCulture),
            PhysicalDropIn = space.PhysicalDropIn,
            PhysicalAddress = space.PhysicalAddress,
            ClosedOnPublicHolidays = space.ClosedOnPublicHolidays,
            Version = space.Version,
        };
    }

    public bool Validate(ModelStateDictionary modelState)
    {
        Name = SpaceValidation.Clean(Name);
        Description = SpaceValidation.Clean(Description);
        HouseRules = SpaceValidation.Clean(HouseRules);
        PhysicalDropIn = SpaceValidation.Clean(PhysicalDropIn);
        PhysicalAddress = SpaceValidation.Clean(PhysicalAddress);
        var ok = SpaceValidation.Text(modelState, "Input.Name", Name, Space.NameMaxLength, "Skriv ett namn på mötesplatsen.", "Namnet");
        ok &= SpaceValidation.Text(modelState, "Input.Description", Description, Space.DescriptionMaxLength, null, "Beskrivningen");
        ok &= SpaceValidation.Text(modelState, "Input.HouseRules", HouseRules, Space.HouseRulesMaxLength,
            "Skriv mötesplatsens regler. Alla som går med godkänner dem.", "Reglerna");
        ok &= SpaceValidation.Text(modelState, "Input.PhysicalDropIn", PhysicalDropIn, Space.PhysicalDropInMaxLength, null, "Texten om den fysiska mötesplatsen");
        ok &= SpaceValidation.Text(modelState, "Input.PhysicalAddress", PhysicalAddress, Space.AddressMaxLength, null, "Adressen");

        var min = Age(modelState, "Input.MinAge", MinAge, "Ange den lägsta åldern");
        var max = Age(modelState, "Input.MaxAge", MaxAge, "Ange den högsta åldern");
        if (min is not null && max is not null && min > max)
        {
            min = null;
            SpaceValidation.Fail(modelState, "Input.MaxAge", "Den högsta åldern kan inte vara lägre än den lägsta.");
        }
        ParsedMinAge = min ?? 0;
        ParsedMaxAge = max ?? 0;
        return ok && min is not null && max is not null;
    }

    private static int? Age(ModelStateDictionary modelState, string key, string? value, string what)
    {
        if (!int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            || age is < SpaceValidation.MinAgeLimit or > SpaceValidation.MaxAgeLimit)
        {
            SpaceValidation.Fail(modelState, key, string.Create(CultureInfo.InvariantCulture,
                $"{what} som ett heltal mellan {SpaceValidation.MinAgeLimit} och {SpaceValidation.MaxAgeLimit}."));
            return null;
        }
        return age;
    }
}

/// <summary>A weekly opening: day, opens, closes.</summary>
public sealed class RuleInput
{
    public string? Day { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public DayOfWeek ParsedDay { get; private set; }

    public TimeOnly ParsedOpens { get; private set; }

    public TimeOnly ParsedCloses { get; private set; }

    /// <summary>Checks the fields and that the opening does not overlap another on the same day (an identical one is fine: a repeated submit).</summary>
    public bool Validate(ModelStateDictionary modelState, IEnumerable<OpeningHoursRule> existing)
    {
        var ok = true;
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 0 or > 6)
        {
            ok = SpaceValidation.Fail(modelState, "Rule.Day", "Välj en veckodag.");
        }
        var hours = SpaceValidation.Hours(modelState, "Rule", Opens, Closes);
        if (!ok || hours is null)
        {
            return false;
        }
        ParsedDay = (DayOfWeek)day;
        (ParsedOpens, ParsedCloses) = hours.Value;
        var clash = existing.FirstOrDefault(r => r.Day == ParsedDay && r.Opens < ParsedCloses && ParsedOpens < r.Closes
            && !(r.Opens == ParsedOpens && r.Closes == ParsedCloses));
        if (clash is not null)
        {
            return SpaceValidation.Fail(modelState, "Rule.Opens",
                $"Tiden krockar med {SpaceText.DayName(clash.Day).ToLower(CultureInfo.CurrentCulture)} {SpaceText.Span(clash.Opens, clash.Closes)}. Ta bort den först eller välj en annan tid.");
        }
        return true;
    }
}

/// <summary>A special day: a date, closed or open at other hours, and a note.</summary>
public sealed class SpecialDayInput
{
    public const string ClosedKind = "stangt";
    public const string OpenKind = "oppet";

    public string? Date { get; set; }

    public string? Kind { get; set; } = ClosedKind;

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public string? Note { get; set; }

    public DateOnly ParsedDate { get; private set; }

    public TimeOnly? ParsedOpens { get; private set; }

    public TimeOnly? ParsedCloses { get; private set; }

    public bool Closed => Kind != OpenKind;

    public bool Validate(ModelStateDictionary modelState, DateOnly today)
    {
        Note = SpaceValidation.Clean(Note);
        var ok = true;
        var date = SpaceValidation.ParseDate(Date);
        if (date is null)
        {
            ok = SpaceValidation.Fail(modelState, "Day.Date", string.IsNullOrWhiteSpace(Date)
                ? "Ange ett datum."
                : "Skriv datumet som år-månad-dag, till exempel 2026-12-24.");
        }
        else if (date < today)
        {
            ok = SpaceValidation.Fail(modelState, "Day.Date", "Datumet har redan varit. Välj i dag eller ett senare datum.");
        }
        if (Kind is not (ClosedKind or OpenKind))
        {
            ok = SpaceValidation.Fail(modelState, "Day.Kind", "Välj om det är stängt hela dagen eller öppet andra tider.");
        }
        else if (Kind == OpenKind)
        {
            var hours = SpaceValidation.Hours(modelState, "Day", Opens, Closes);
            ok &= hours is not null;
            ParsedOpens = hours?.Opens;
            ParsedCloses = hours?.Closes;
        }
        ok &= SpaceValidation.Text(modelState, "Day.Note", Note, SpecialDay.NoteMaxLength, null, "Anteckningen");
        ParsedDate = date ?? default;
        return ok;
    }
}

/// <summary>A channel's name, topic and access.</summary>
public sealed class ChannelInput
{
    public string? Name { get; set; }

    public string? Topic { get; set; }

    public ChannelAccess Access { get; set; } = ChannelAccess.AllMembers;

    public int? GroupId { get; set; }

    /// <summary>Channel slugs that would hide a page of the space: /motesplats/{space}/om and …/personal.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal) { "om", "personal", "ny", "inbjudan", "vagledning" };

    /// <summary>Reserved for the room's own pages, or the prefix of members' private guidance threads ("vagledning-12").</summary>
    public static bool IsReserved(string slug) =>
        ReservedSlugs.Contains(slug) || slug.StartsWith(Guidance.GuidanceService.SlugPrefix, StringComparison.Ordinal);

    public static ChannelInput From(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new() { Name = channel.Name, Topic = channel.Topic, Access = channel.Access, GroupId = channel.GroupId };
    }

    public bool Validate(ModelStateDictionary modelState, IReadOnlyCollection<MemberGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Name = SpaceValidation.Clean(Name)?.TrimStart('#').Trim();
        Topic = SpaceValidation.Clean(Topic)?.ReplaceLineEndings(" ");
        var ok = SpaceValidation.Text(modelState, "Channel.Name", Name, Channel.NameMaxLength, "Skriv ett namn på kanalen, till exempel spel.", "Namnet");
        if (ok && Platform.Web.Slugs.From(Name, Channel.SlugMaxLength).Length == 0)
        {
            ok = SpaceValidation.Fail(modelState, "Channel.Name", "Namnet behöver innehålla minst en bokstav eller siffra.");
        }
        ok &= SpaceValidation.Text(modelState, "Channel.Topic", Topic, Channel.TopicMaxLength, null, "Ämnet");
        if (!Enum.IsDefined(Access))
        {
            ok = SpaceValidation.Fail(modelState, "Channel.Access", "Välj vilka som får vara i kanalen.");
        }
        else if (Access == ChannelAccess.Group)
        {
            if (groups.Count == 0)
            {
                ok = SpaceValidation.Fail(modelState, "Channel.GroupId", "Mötesplatsen har inga grupper än. Skapa gruppen under Grupper först.");
            }
            else if (GroupId is null || groups.All(g => g.Id != GroupId))
            {
                ok = SpaceValidation.Fail(modelState, "Channel.GroupId", "Välj vilken grupp som får vara i kanalen.");
            }
        }
        else
        {
            GroupId = null;
        }
        return ok;
    }
}
