using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// The room: a space's channels with unread counts, the open channel's latest messages, the open or closed banner,
/// who is here, a composer (read-only for members while closed) and, for staff, opening and closing by hand. Rendered
/// whole on the server, so it works without script; wwwroot/js/dropin-chat.js makes it live over the hub.
/// </summary>
public sealed class RoomModel(DropInAccess access, ChatService chat, PresenceTracker presence, ChatBroadcaster broadcaster, AppDbContext db, TimeProvider time, Tr t) : PageModel
{
    public Space Space { get; private set; } = null!;
    public SpaceMember Me { get; private set; } = null!;
    public Channel Channel { get; private set; } = null!;
    public IReadOnlyList<ChannelRow> Channels { get; private set; } = [];
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public IReadOnlyList<PresenceDto> Present { get; private set; } = [];
    public IReadOnlySet<string> MemberNames { get; private set; } = new HashSet<string>();
    public IReadOnlyList<string> MemberDisplayNames { get; private set; } = [];
    public OpenState State { get; private set; } = null!;
    public string StateText { get; private set; } = "";
    public bool CanWrite { get; private set; }
    public bool HasOlder { get; private set; }
    public bool ShowsNewest { get; private set; }
    public long LastRead { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>Set when the visitor may not enter: the page then shows only this sentence (with 403).</summary>
    public string? Refusal { get; private set; }

    [BindProperty]
    public ComposerInput Composer { get; set; } = new();

    [BindProperty]
    public OpenInput Opening { get; set; } = new();

    public string RoomUrl => $"{DropInModule.BasePath}/{Space.Slug}/{Channel.Slug}";

    public async Task<IActionResult> OnGetAsync(string space, string? channel, long? fore, CancellationToken cancellationToken)
    {
        if (await LoadAsync(space, channel, fore, cancellationToken) is { } refused)
        {
            return refused;
        }
        Composer.ClientMessageId = Guid.NewGuid();
        return Page();
    }

    /// <summary>Sending without script: the same rules as the hub, then back to the room.</summary>
    public async Task<IActionResult> OnPostSendAsync(string space, string? channel, CancellationToken cancellationToken)
    {
        if (await LoadAsync(space, channel, null, cancellationToken) is { } refused)
        {
            return refused;
        }
        try
        {
            var (message, stored) = await chat.SendAsync(User, Channel.Id, Composer.ClientMessageId, Composer.Text, cancellationToken);
            if (stored)
            {
                await broadcaster.MessageAsync(message);
            }
            return Redirect(RoomUrl + "#chat-composer");
        }
        catch (ChatRefusalException refusal)
        {
            ModelState.AddModelError("Composer.Text", refusal.Message);
            return this.Invalid();
        }
    }

    /// <summary>Staff open or close the space by hand, or hand it back to the opening hours.</summary>
    public async Task<IActionResult> OnPostOpenAsync(string space, string? channel, CancellationToken cancellationToken)
    {
        if (await LoadAsync(space, channel, null, cancellationToken) is { } refused)
        {
            return refused;
        }
        DateTimeOffset? until = null;
        if (!string.IsNullOrWhiteSpace(Opening.Until) && Opening.Mode != "schedule")
        {
            if (!TimeOnly.TryParseExact(Opening.Until.Trim(), ["HH:mm", "HH.mm", "H:mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                ModelState.AddModelError("Opening.Until", t["Skriv tiden som tt:mm, till exempel 16:00."]);
                return this.Invalid();
            }
            var today = DateOnly.FromDateTime(Now.ToStockholm().DateTime);
            until = StockholmTime.FromStockholm(today.ToDateTime(clock));
        }
        try
        {
            var state = await chat.SetOpenAsync(User, Space.Id, Opening.Mode, until, cancellationToken);
            await broadcaster.OpenStateAsync(Space.Id, state);
            TempData["Status"] = state.Text;
            return Redirect(RoomUrl);
        }
        catch (ChatRefusalException refusal)
        {
            ModelState.AddModelError(Opening.Mode is "open" or "closed" or "schedule" ? "Opening.Until" : "Opening.Mode", refusal.Message);
            return this.Invalid();
        }
    }

    private async Task<IActionResult?> LoadAsync(string spaceSlug, string? channelSlug, long? fore, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var space = await access.SpaceAsync(spaceSlug, cancellationToken);
        if (space is null)
        {
            return NotFound();
        }
        Space = space;
        var member = await access.MemberAsync(space.Id, User, cancellationToken);
        if (member is null)
        {
            return Refuse(t["Du är inte medlem i den här mötesplatsen. Personalen kan skicka en inbjudan till dig."]);
        }
        Me = member;
        var readable = await access.ReadableChannelsAsync(member, cancellationToken);
        Channel? current;
        if (channelSlug is null)
        {
            current = readable.Count > 0 ? readable[0] : null;
            if (current is null)
            {
                return Refuse(t["Mötesplatsen har inga kanaler som du kan läsa ännu."]);
            }
        }
        else
        {
            current = readable.FirstOrDefault(c => c.Slug == channelSlug);
            if (current is null)
            {
                var exists = await db.Set<Channel>().AsNoTracking()
                    .SingleOrDefaultAsync(c => c.SpaceId == space.Id && c.Slug == channelSlug && c.ArchivedAt == null, cancellationToken);
                return exists switch
                {
                    // Another member's private thread: not even its existence is told.
                    null or { Access: ChannelAccess.Private } => NotFound(),
                    { Access: ChannelAccess.Staff } => Refuse(t["Den här kanalen är bara för personalen."]),
                    _ => Refuse(t["Du har inte tillgång till den här kanalen."]),
                };
            }
        }
        Channel = current;

        var (reads, unread) = await chat.ReadStateAsync(member.Id, readable.Select(c => c.Id).ToList(), cancellationToken);
        Channels = readable.Select(c => new ChannelRow(c, unread.GetValueOrDefault(c.Id))).ToList();
        LastRead = reads.GetValueOrDefault(current.Id);
        var before = fore is > 0 ? fore.Value : long.MaxValue;
        Messages = await chat.HistoryAsync(current.Id, before, ChatService.PageSize, cancellationToken);
        HasOlder = Messages.Count > 0 && Messages[0].Sequence > 1;
        ShowsNewest = before == long.MaxValue || (Messages.Count > 0 && Messages[^1].Sequence >= current.LastSequence);
        State = OpeningSchedule.StateAt(space, Now);
        StateText = OpeningSchedule.Describe(State, Now);
        CanWrite = access.CanWrite(member, State);
        Present = presence.In(space.Id);
        MemberDisplayNames = await db.Set<SpaceMember>().AsNoTracking()
            .Where(m => m.SpaceId == space.Id && m.RemovedAt == null)
            .Select(m => m.DisplayName)
            .ToListAsync(cancellationToken);
        MemberNames = MemberDisplayNames.Select(SpaceMember.Normalize).ToHashSet(StringComparer.Ordinal);
        return null;
    }

    /// <summary>"14.02" today, "24 nov. 14.02" on other days, in Stockholm time (dropin-chat.js writes the same).</summary>
    public string TimeOf(DateTimeOffset instant)
    {
        var local = instant.ToStockholm();
        var swedish = !Tr.IsEnglish;
        var culture = swedish ? StockholmTime.Swedish : CultureInfo.GetCultureInfo("en-GB");
        var clock = local.ToString(swedish ? "HH.mm" : "HH:mm", culture);
        return DateOnly.FromDateTime(local.DateTime) == DateOnly.FromDateTime(Now.ToStockholm().DateTime)
            ? clock
            : local.ToString("d MMM", culture) + " " + clock;
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    public sealed record ChannelRow(Channel Channel, int Unread);

    public sealed class ComposerInput
    {
        public string? Text { get; set; }

        public Guid ClientMessageId { get; set; }
    }

    public sealed class OpenInput
    {
        public string? Mode { get; set; }

        public string? Until { get; set; }
    }
}
