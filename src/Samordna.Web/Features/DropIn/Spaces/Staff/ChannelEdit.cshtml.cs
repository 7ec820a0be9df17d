using Microsoft.AspNetCore.Mvc;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces.Staff;

/// <summary>…/personal/kanaler/{id}: a channel's name, topic and access. Its address (slug) stays, so links keep working.</summary>
public sealed class ChannelEditModel(SpaceAdmin spaces) : SpaceStaffPage, IChannelForm
{
    [BindProperty]
    public ChannelInput Channel { get; set; } = new();

    public Channel Current { get; private set; } = null!;

    public IReadOnlyList<MemberGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Channel = ChannelInput.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Channel.Validate(ModelState, [.. Groups]))
        {
            return this.Invalid();
        }
        await spaces.UpdateChannelAsync(Space, Current, Channel, cancellationToken);
        return Done($"Kanalen #{Current.Name} är sparad.", "kanaler");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var channel = (await spaces.ChannelsAsync(Space.Id, cancellationToken)).FirstOrDefault(c => c.Id == id);
        if (channel is null)
        {
            return false;
        }
        Current = channel;
        Groups = await spaces.GroupsAsync(Space.Id, cancellationToken);
        return true;
    }
}
