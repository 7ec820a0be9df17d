using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Spaces;

/// <summary>
/// Every change staff make to a space: settings, hours, channels, groups, members and staff. Each moderation and
/// staff change is audited in the same save; removing or muting a member is told to the live chat through
/// <see cref="IDropInMemberEvents"/>; changes the public can see empty the public page cache (the start page block).
/// </summary>
public sealed class SpaceAdmin(AppDbContext db, AuditLog audit, TimeProvider time, IDropInMemberEvents events, PublicPageCache cache, SpaceScheduleCache schedules)
{
    public const string SpaceCreatedAction = "dropin.space.created";
    public const string SettingsChangedAction = "dropin.space.settings";
    public const string HoursChangedAction = "dropin.space.hours";
    public const string ChannelChangedAction = "dropin.channel.changed";
    public const string GroupChangedAction = "dropin.group.changed";
    public const string MemberMutedAction = "dropin.member.muted";
    public const string MemberUnmutedAction = "dropin.member.unmuted";
    public const string MemberRemovedAction = "dropin.member.removed";
    public const string MemberRestoredAction = "dropin.member.restored";
    public const string StaffAddedAction = "dropin.staff.added";
    public const string StaffRemovedAction = "dropin.staff.removed";

    public static readonly IReadOnlyDictionary<string, string> ActionNames = new Dictionary<string, string>
    {
        [SpaceCreatedAction] = "Mötesplats skapad",
        [SettingsChangedAction] = "Mötesplatsens inställningar ändrade",
        [HoursChangedAction] = "Mötesplatsens öppettider ändrade",
        [ChannelChangedAction] = "Kanal i mötesplatsen ändrad",
        [GroupChangedAction] = "Grupp i mötesplatsen ändrad",
        [MemberMutedAction] = "Medlem tystad i mötesplatsen",
        [MemberUnmutedAction] = "Tystning av medlem hävd",
        [MemberRemovedAction] = "Medlem borttagen från mötesplatsen",
        [MemberRestoredAction] = "Borttagen medlem insläppt igen",
        [StaffAddedAction] = "Personal tillagd i mötesplatsen",
        [StaffRemovedAction] = "Personal borttagen från mötesplatsen",
    };

    /// <summary>MutedUntil for "until staff lift it".</summary>
    public static readonly DateTimeOffset MutedIndefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private const string SpaceSubject = "DropInSpace";
    private const string MemberSubject = "DropInMember";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates a space with the default channels (#allmänt for everyone, #personalrummet for staff) and the creator
    /// as its first staff member. A repeated submit (the same creator, the same name, within two minutes) finds the
    /// space it already made. Null when the name's address is taken by another space.
    /// </summary>
    public async Task<Space?> CreateAsync(NewSpaceInput input, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var slug = Slugs.From(input.Name, Space.SlugMaxLength);
        var existing = await db.Set<Space>().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (existing is not null)
        {
            var mine = existing.CreatedAt > now.AddMinutes(-2)
                && await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == existing.Id && m.UserId == userId && m.Role == SpaceRole.Staff, cancellationToken);
            return mine ? existing : null;
        }
        if (ChannelInput.ReservedSlugs.Contains(slug))
        {
            return null;
        }
        var space = new Space
        {
            Slug = slug,
            Name = input.Name!,
            Description = input.Description ?? "",
            HouseRules = DefaultHouseRules,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        space.Channels.Add(new Channel { Slug = "allmant", Name = "allmänt", Topic = "Här pratar vi om allt möjligt.", Access = ChannelAccess.AllMembers, SortOrder = 1, CreatedAt = now });
        space.Channels.Add(new Channel { Slug = "personalrummet", Name = "personalrummet", Topic = "Bara för personalen.", Access = ChannelAccess.Staff, SortOrder = 2, CreatedAt = now });
        db.Add(space);
        db.Add(new SpaceMember
        {
            Space = space,
            UserId = userId,
            DisplayName = input.DisplayName!,
            NormalizedDisplayName = SpaceMember.Normalize(input.DisplayName!),
            Role = SpaceRole.Staff,
            JoinedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(SpaceCreatedAction, SpaceSubject, Id(space.Id), $"{space.Name} ({space.Slug})", cancellationToken: cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return space;
    }

    public const string DefaultHouseRules = """
        - Var schysst mot varandra. Inga kränkningar, hot eller hat.
        - Dela inte andras bilder eller uppgifter utan lov.
        - Personalen läser med och kan tysta eller ta bort den som inte följer reglerna.
        - Mår du dåligt och behöver hjälp direkt: ring 112, eller 1177 för vårdråd.
        """;

    /// <summary>
    /// Saves the settings unless someone else saved since the form was filled (then false, nothing saved). A form
    /// that says exactly what is saved already (a repeated submit) is a success that changes nothing.
    /// </summary>
    public async Task<bool> UpdateSettingsAsync(Space space, SpaceSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(input);
        if (space.Version != input.Version)
        {
            return SameAsSaved(space, input);
        }
        db.Entry(space).Property(s => s.Version).OriginalValue = input.Version;
        space.Name = input.Name!;
        space.Description = input.Description ?? "";
        space.HouseRules = input.HouseRules!;
        space.MinAge = input.ParsedMinAge;
        space.MaxAge = input.ParsedMaxAge;
        space.PhysicalDropIn = input.PhysicalDropIn;
        space.PhysicalAddress = input.PhysicalAddress;
        space.ClosedOnPublicHolidays = input.ClosedOnPublicHolidays;
        space.UpdatedAt = time.GetUtcNow();
        space.Version = Guid.NewGuid();
        audit.Add(SettingsChangedAction, SpaceSubject, Id(space.Id), space.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await cache.ChangedAsync(cancellationToken);
        schedules.Invalidate(space.Id);
        return true;
    }

    private static bool SameAsSaved(Space space, SpaceSettingsInput input) =>
        space.Name == input.Name && space.Description == (input.Description ?? "") && space.HouseRules == input.HouseRules
        && space.MinAge == input.ParsedMinAge && space.MaxAge == input.ParsedMaxAge
        && space.PhysicalDropIn == input.PhysicalDropIn && space.PhysicalAddress == input.PhysicalAddress
        && space.ClosedOnPublicHolidays == input.ClosedOnPublicHolidays;

    /// <summary>Adds a weekly opening (validated by <see cref="RuleInput"/>); an identical one already there is kept as it is.</summary>
    public async Task AddRuleAsync(Space space, RuleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(input);
        if (space.OpeningHours.Any(r => r.Day == input.ParsedDay && r.Opens == input.ParsedOpens && r.Closes == input.ParsedCloses))
        {
            return;
        }
        space.OpeningHours.Add(new OpeningHoursRule { SpaceId = space.Id, Day = input.ParsedDay, Opens = input.ParsedOpens, Closes = input.ParsedCloses });
        await SaveHoursAsync(space, $"Lade till {SpaceText.DayName(input.ParsedDay)} {SpaceText.Span(input.ParsedOpens, input.ParsedCloses)}", cancellationToken);
    }

    /// <summary>False when the rule was already gone.</summary>
    public async Task<bool> RemoveRuleAsync(Space space, int ruleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var rule = space.OpeningHours.FirstOrDefault(r => r.Id == ruleId);
        if (rule is null)
        {
            return false;
        }
        db.Remove(rule);
        space.OpeningHours.Remove(rule);
        await SaveHoursAsync(space, $"Tog bort {SpaceText.DayName(rule.Day)} {SpaceText.Span(rule.Opens, rule.Closes)}", cancellationToken);
        return true;
    }

    /// <summary>Adds a special day, or replaces the one already on that date.</summary>
    public async Task SaveSpecialDayAsync(Space space, SpecialDayInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(input);
        var day = space.SpecialDays.FirstOrDefault(d => d.Date == input.ParsedDate);
        if (day is null)
        {
            day = new SpecialDay { SpaceId = space.Id, Date = input.ParsedDate };
            space.SpecialDays.Add(day);
        }
        day.Closed = input.Closed;
        day.Opens = input.Closed ? null : input.ParsedOpens;
        day.Closes = input.Closed ? null : input.ParsedCloses;
        day.Note = input.Note ?? "";
        var what = day.Closed ? "stängt" : $"öppet {SpaceText.Span(day.Opens!.Value, day.Closes!.Value)}";
        await SaveHoursAsync(space, $"Avvikande dag {SpaceText.DateValue(day.Date)}: {what}", cancellationToken);
    }

    public async Task<bool> RemoveSpecialDayAsync(Space space, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var day = space.SpecialDays.FirstOrDefault(d => d.Id == id);
        if (day is null)
        {
            return false;
        }
        db.Remove(day);
        space.SpecialDays.Remove(day);
        await SaveHoursAsync(space, $"Tog bort den avvikande dagen {SpaceText.DateValue(day.Date)}", cancellationToken);
        return true;
    }

    private async Task SaveHoursAsync(Space space, string details, CancellationToken cancellationToken)
    {
        space.UpdatedAt = time.GetUtcNow();
        audit.Add(HoursChangedAction, SpaceSubject, Id(space.Id), $"{space.Name}: {details}");
        await db.SaveChangesAsync(cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        schedules.Invalidate(space.Id);
    }

    public Task<List<MemberGroup>> GroupsAsync(int spaceId, CancellationToken cancellationToken) =>
        db.Set<MemberGroup>().Where(g => g.SpaceId == spaceId).OrderBy(g => g.Name).ToListAsync(cancellationToken);

    public Task<List<Channel>> ChannelsAsync(int spaceId, CancellationToken cancellationToken) =>
        db.Set<Channel>().Include(c => c.Group).Where(c => c.SpaceId == spaceId && c.Access != ChannelAccess.Private)
            .OrderBy(c => c.ArchivedAt != null).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>Adds a channel at the end. Null when its address (slug) is taken in the space, or reserved.</summary>
    public async Task<Channel?> AddChannelAsync(Space space, ChannelInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(input);
        var slug = Slugs.From(input.Name, Channel.SlugMaxLength);
        if (ChannelInput.IsReserved(slug) || await db.Set<Channel>().AnyAsync(c => c.SpaceId == space.Id && c.Slug == slug, cancellationToken))
        {
            return null;
        }
        var last = await db.Set<Channel>().Where(c => c.SpaceId == space.Id && c.Access != ChannelAccess.Private).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var channel = new Channel
        {
            SpaceId = space.Id,
            Slug = slug,
            Name = input.Name!,
            Topic = input.Topic ?? "",
            Access = input.Access,
            GroupId = input.GroupId,
            SortOrder = last + 1,
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(channel);
        audit.Add(ChannelChangedAction, "DropInChannel", null, $"{space.Name}: kanalen #{channel.Name} skapad ({AccessText(channel.Access)})");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, null, cancellationToken);
        return channel;
    }

    public async Task UpdateChannelAsync(Space space, Channel channel, ChannelInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(input);
        channel.Name = input.Name!;
        channel.Topic = input.Topic ?? "";
        channel.Access = input.Access;
        channel.GroupId = input.GroupId;
        audit.Add(ChannelChangedAction, "DropInChannel", Id(channel.Id), $"{space.Name}: kanalen #{channel.Name} ändrad ({AccessText(channel.Access)})");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, null, cancellationToken);
    }

    /// <summary>Moves a channel one step up (-1) or down (+1) among the space's active channels.</summary>
    public async Task MoveChannelAsync(Space space, int channelId, int step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var channels = await db.Set<Channel>().Where(c => c.SpaceId == space.Id && c.ArchivedAt == null && c.Access != ChannelAccess.Private)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = channels.FindIndex(c => c.Id == channelId);
        var target = index + Math.Sign(step);
        if (index < 0 || target < 0 || target >= channels.Count)
        {
            return;
        }
        (channels[index], channels[target]) = (channels[target], channels[index]);
        for (var i = 0; i < channels.Count; i++)
        {
            channels[i].SortOrder = i + 1;
        }
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, null, cancellationToken);
    }

    /// <summary>Archives (or restores) a channel: an archived channel is hidden from everyone, its messages kept.</summary>
    public async Task ArchiveChannelAsync(Space space, Channel channel, bool archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(channel);
        if ((channel.ArchivedAt is not null) == archive)
        {
            return;
        }
        channel.ArchivedAt = archive ? time.GetUtcNow() : null;
        if (!archive)
        {
            channel.SortOrder = (await db.Set<Channel>().Where(c => c.SpaceId == space.Id && c.ArchivedAt == null && c.Access != ChannelAccess.Private).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1;
        }
        audit.Add(ChannelChangedAction, "DropInChannel", Id(channel.Id), $"{space.Name}: kanalen #{channel.Name} {(archive ? "arkiverad" : "återställd")}");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, null, cancellationToken);
    }

    /// <summary>Creates a group; an existing group of that name is returned as it is (a repeated submit).</summary>
    public async Task<MemberGroup> CreateGroupAsync(Space space, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var existing = await db.Set<MemberGroup>().FirstOrDefaultAsync(g => g.SpaceId == space.Id && g.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var group = new MemberGroup { SpaceId = space.Id, Name = name };
        db.Add(group);
        audit.Add(GroupChangedAction, "DropInGroup", null, $"{space.Name}: gruppen {name} skapad");
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <summary>Renames a group; false when another group of the space has the name.</summary>
    public async Task<bool> RenameGroupAsync(Space space, MemberGroup group, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Name == name)
        {
            return true;
        }
        if (await db.Set<MemberGroup>().AnyAsync(g => g.SpaceId == space.Id && g.Id != group.Id && g.Name == name, cancellationToken))
        {
            return false;
        }
        audit.Add(GroupChangedAction, "DropInGroup", Id(group.Id), $"{space.Name}: gruppen {group.Name} heter nu {name}");
        group.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes a group and its memberships, unless a channel is open to it: then the names of those channels are returned
    /// and nothing changes (deleting would leave the channel to staff only without anyone deciding so).
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteGroupAsync(Space space, MemberGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(group);
        var users = await db.Set<Channel>().Where(c => c.GroupId == group.Id && c.ArchivedAt == null).Select(c => c.Name).ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            return users;
        }
        db.Remove(group);
        audit.Add(GroupChangedAction, "DropInGroup", Id(group.Id), $"{space.Name}: gruppen {group.Name} borttagen");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, null, cancellationToken);
        return [];
    }

    /// <summary>Adds an active member to a group; true also when they were in it already.</summary>
    public async Task AddToGroupAsync(Space space, MemberGroup group, SpaceMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(member);
        if (await db.Set<MemberGroupMembership>().AnyAsync(m => m.GroupId == group.Id && m.MemberId == member.Id, cancellationToken))
        {
            return;
        }
        db.Add(new MemberGroupMembership { GroupId = group.Id, MemberId = member.Id });
        audit.Add(GroupChangedAction, MemberSubject, Id(member.Id), $"{space.Name}: {member.DisplayName} tillagd i gruppen {group.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, member.Id, cancellationToken);
    }

    public async Task<bool> RemoveFromGroupAsync(Space space, MemberGroup group, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(group);
        var membership = await db.Set<MemberGroupMembership>().Include(m => m.Member)
            .SingleOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            return false;
        }
        db.Remove(membership);
        audit.Add(GroupChangedAction, MemberSubject, Id(memberId), $"{space.Name}: {membership.Member?.DisplayName} borttagen ur gruppen {group.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, memberId, cancellationToken);
        return true;
    }

    /// <summary>The space's active people (not removed), staff first, then by name.</summary>
    public Task<List<SpaceMember>> PeopleAsync(int spaceId, CancellationToken cancellationToken) =>
        db.Set<SpaceMember>().Where(m => m.SpaceId == spaceId && m.RemovedAt == null)
            .OrderBy(m => m.Role == SpaceRole.Staff ? 0 : 1).ThenBy(m => m.NormalizedDisplayName).ToListAsync(cancellationToken);

    public Task<SpaceMember?> PersonAsync(int spaceId, int memberId, CancellationToken cancellationToken) =>
        db.Set<SpaceMember>().SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.Id == memberId && m.RemovedAt == null, cancellationToken);

    /// <summary>Mutes a member until <paramref name="until"/> (<see cref="MutedIndefinitely"/> for "until lifted"), or lifts the mute (null).</summary>
    public async Task MuteAsync(Space space, SpaceMember member, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(member);
        member.MutedUntil = until;
        if (until is null)
        {
            audit.Add(MemberUnmutedAction, MemberSubject, Id(member.Id), $"{space.Name}: {member.DisplayName}");
        }
        else
        {
            var length = until == MutedIndefinitely ? "tills vidare" : "till " + until.Value.FormatDateTime();
            audit.Add(MemberMutedAction, MemberSubject, Id(member.Id), $"{space.Name}: {member.DisplayName} tystad {length}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await events.MemberMutedAsync(space.Id, member.Id, member.UserId, until, cancellationToken);
    }

    /// <summary>Removes a member (not staff: see <see cref="RemoveStaffAsync"/>) from the space; their messages stay.</summary>
    public async Task RemoveMemberAsync(Space space, SpaceMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(member);
        member.RemovedAt = time.GetUtcNow();
        audit.Add(MemberRemovedAction, MemberSubject, Id(member.Id), $"{space.Name}: {member.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
        await events.MemberRemovedAsync(space.Id, member.Id, member.UserId, cancellationToken);
    }

    /// <summary>Members removed from the space (not staff), most recent first: staff can let them in again.</summary>
    public Task<List<SpaceMember>> RemovedMembersAsync(int spaceId, CancellationToken cancellationToken) =>
        db.Set<SpaceMember>().Where(m => m.SpaceId == spaceId && m.RemovedAt != null && m.Role == SpaceRole.Member)
            .OrderByDescending(m => m.RemovedAt).ToListAsync(cancellationToken);

    /// <summary>Lets a removed member in again (a removal by mistake, or after a talk). Null when there was nobody to restore.</summary>
    public async Task<SpaceMember?> RestoreMemberAsync(Space space, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var member = await db.Set<SpaceMember>().SingleOrDefaultAsync(
            m => m.SpaceId == space.Id && m.Id == memberId && m.RemovedAt != null && m.Role == SpaceRole.Member, cancellationToken);
        if (member is null)
        {
            return null;
        }
        member.RemovedAt = null;
        audit.Add(MemberRestoredAction, MemberSubject, Id(member.Id), $"{space.Name}: {member.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    /// <summary>Accounts with the Staff role that are not staff of the space yet, for the "add staff" list.</summary>
    public async Task<List<AppUser>> StaffCandidatesAsync(int spaceId, CancellationToken cancellationToken)
    {
        var staffRoleId = await db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var already = db.Set<SpaceMember>().Where(m => m.SpaceId == spaceId && m.RemovedAt == null && m.Role == SpaceRole.Staff).Select(m => m.UserId);
        return await db.Users
            .Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == staffRoleId) && !already.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The outcome of adding a staff member.</summary>
    public enum AddStaffResult
    {
        Added,
        AlreadyStaff,
        NotStaffAccount,
        NameTaken,
    }

    public async Task<AddStaffResult> AddStaffAsync(Space space, Guid userId, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        var candidates = await StaffCandidatesAsync(space.Id, cancellationToken);
        var user = candidates.FirstOrDefault(u => u.Id == userId);
        var row = await db.Set<SpaceMember>().SingleOrDefaultAsync(m => m.SpaceId == space.Id && m.UserId == userId, cancellationToken);
        if (user is null)
        {
            return row is { RemovedAt: null, Role: SpaceRole.Staff } ? AddStaffResult.AlreadyStaff : AddStaffResult.NotStaffAccount;
        }
        var normalized = SpaceMember.Normalize(displayName);
        if (await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == space.Id && m.NormalizedDisplayName == normalized && m.UserId != userId, cancellationToken))
        {
            return AddStaffResult.NameTaken;
        }
        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new SpaceMember { SpaceId = space.Id, UserId = userId, JoinedAt = now };
            db.Add(row);
        }
        row.DisplayName = displayName;
        row.NormalizedDisplayName = normalized;
        row.Role = SpaceRole.Staff;
        row.RemovedAt = null;
        row.MutedUntil = null;
        audit.Add(StaffAddedAction, MemberSubject, null, $"{space.Name}: {displayName} ({user.Email})");
        await db.SaveChangesAsync(cancellationToken);
        await events.AccessChangedAsync(space.Id, row.Id, cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return AddStaffResult.Added;
    }

    /// <summary>Removes a staff member from the space; refused (false) for the last one.</summary>
    public async Task<bool> RemoveStaffAsync(Space space, SpaceMember staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(staff);
        var count = await db.Set<SpaceMember>().CountAsync(m => m.SpaceId == space.Id && m.RemovedAt == null && m.Role == SpaceRole.Staff, cancellationToken);
        if (count <= 1)
        {
            return false;
        }
        staff.RemovedAt = time.GetUtcNow();
        audit.Add(StaffRemovedAction, MemberSubject, Id(staff.Id), $"{space.Name}: {staff.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
        await events.MemberRemovedAsync(space.Id, staff.Id, staff.UserId, cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return true;
    }

    public static string AccessText(ChannelAccess access) => access switch
    {
        ChannelAccess.AllMembers => "Alla medlemmar",
        ChannelAccess.Staff => "Bara personal",
        ChannelAccess.Group => "En grupp",
        ChannelAccess.Private => "Privat tråd",
        _ => access.ToString(),
    };
}
