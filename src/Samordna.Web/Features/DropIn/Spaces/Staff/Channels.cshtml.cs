using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>…/personal/kanaler: the space's channels in order, with a form for a new one, moving up and down, archiving and restoring.</summary>
public sealed class ChannelsModel(SpaceAdmin spaces) : SpaceStaffPage, IChannelForm
{
    [BindProperty]
    public ChannelInput Channel { get; set; } = new();

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public IReadOnlyList<MemberGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Channel.Validate(ModelState, [.. Groups]))
        {
            return this.Invalid();
        }
        var added = await spaces.AddChannelAsync(Space, Channel, cancellationToken);
        if (added is null)
        {
            var slug = Slugs.From(Channel.Name, DropIn.Channel.SlugMaxLength);
            ModelState.AddModelError("Channel.Name", ChannelInput.IsReserved(slug)
                ? $"Namnet {Channel.Name} är reserverat för mötesplatsens egna sidor. Välj ett annat namn."
                : $"Det finns redan en kanal med adressen #{slug} i mötesplatsen (kanske arkiverad). Välj ett annat namn.");
            return this.Invalid();
        }
        return Done($"Kanalen #{added.Name} är skapad.", "kanaler");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int step, CancellationToken cancellationToken)
    {
        await spaces.MoveChannelAsync(Space, id, step, cancellationToken);
        return Done("Ordningen är ändrad.", "kanaler");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archive, CancellationToken cancellationToken)
    {
        var channel = (await spaces.ChannelsAsync(Space.Id, cancellationToken)).FirstOrDefault(c => c.Id == id);
        if (channel is null)
        {
            return NotFound();
        }
        await spaces.ArchiveChannelAsync(Space, channel, archive, cancellationToken);
        return Done(archive ? $"Kanalen #{channel.Name} är arkiverad. Den syns inte längre för någon, men inget är raderat." : $"Kanalen #{channel.Name} är återställd.", "kanaler");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Channels = await spaces.ChannelsAsync(Space.Id, cancellationToken);
        Groups = await spaces.GroupsAsync(Space.Id, cancellationToken);
    }
}

/// <summary>What the channel form (_ChannelFields) needs from its page.</summary>
public interface IChannelForm
{
    ChannelInput Channel { get; }

    IReadOnlyList<MemberGroup> Groups { get; }
}
