using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Samordna.Web.Platform.Audit;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Time;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>A request the chat refuses, with the Swedish (or English) sentence the person reads.</summary>
public sealed class ChatRefusalException(string message) : Exception(message);

/// <summary>
/// The chat's rules, shared by the hub and the room page: who may read and write where, storing a message before it
/// is broadcast (with its channel sequence number taken under a row lock in the same transaction, so sequence order is
/// commit order), idempotent resends, edits, deletions and moderation, read markers and opening and closing by hand.
/// </summary>
public sealed class ChatService(AppDbContext db, DropInAccess access, TimeProvider time, ChatRateLimiter limiter, AuditLog audit, Tr t, SqliteWriteGate writeGate, SpaceScheduleCache schedules)
{
    public const int PageSize = 50;
    public const int SinceLimit = 500;
    public const int BeforeLimit = 100;
    public const string MessageRemovedAction = "dropin.message.removed";
    public const string OpenStateChangedAction = "dropin.openstate.changed";

    public const string NotMemberText = "Du är inte medlem i den här mötesplatsen.";
    public const string StaffOnlyText = "Bara personal kan göra det här.";
    public const string TooFastText = "Du skickar för snabbt. Vänta en stund.";

    private static readonly IReadOnlySet<int> NoGroups = new HashSet<int>();

    /// <summary>A message as the wire carries it; a deleted message's text is already erased in the database.</summary>
    public static readonly Expression<Func<ChatMessage, MessageDto>> Projection = m => new MessageDto(
        m.Id, m.ChannelId, m.Sequence, m.AuthorId, m.Author!.DisplayName, m.Author.Role == SpaceRole.Staff,
        m.DeletedAt == null ? m.Text : "", m.SentAt, m.EditedAt, m.DeletedAt != null, m.ClientMessageId);

    /// <summary>The text as it will be stored (line breaks as \n, control characters dropped, trimmed), or a refusal.</summary>
    public string CleanText(string? text)
    {
        var chars = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Where(c => c is '\n' or '\t' || !char.IsControl(c))
            .ToArray();
        var clean = new string(chars).Trim();
        if (clean.Length == 0)
        {
            throw new ChatRefusalException(t["Skriv något i meddelandet först."]);
        }
        // Counted in UTF-16 code units, as the database's limit and the browser's maxlength count (an emoji is two).
        if (clean.Length > ChatMessage.TextMaxLength)
        {
            throw new ChatRefusalException(string.Format(CultureInfo.CurrentCulture,
                t["Meddelandet är för långt: {0} tecken. Det får vara högst {1} tecken."], clean.Length, ChatMessage.TextMaxLength));
        }
        return clean;
    }

    /// <summary>What a client needs to show a space; the caller adds who is present.</summary>
    public async Task<(SpaceSnapshot Snapshot, SpaceMember Member)> JoinAsync(ClaimsPrincipal user, int spaceId, CancellationToken cancellationToken)
    {
        var space = await access.SpaceAsync(spaceId, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        var member = await access.MemberAsync(spaceId, user, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        var channels = await access.ReadableChannelsAsync(member, cancellationToken);
        var now = time.GetUtcNow();
        var state = OpeningSchedule.StateAt(space, now);
        var canWrite = access.CanWrite(member, state);
        var (reads, unread) = await ReadStateAsync(member.Id, channels.Select(c => c.Id).ToList(), cancellationToken);
        var snapshot = new SpaceSnapshot(
            space.Id,
            space.Name,
            new MeDto(member.Id, member.DisplayName, member.IsStaff, member.MutedUntil > now ? member.MutedUntil : null),
            ToDto(state, now),
            channels.Select(c => new ChannelDto(c.Id, c.Slug, c.Name, c.Access.ToString(), c.LastSequence,
                reads.GetValueOrDefault(c.Id), canWrite, unread.GetValueOrDefault(c.Id))).ToList(),
            []);
        return (snapshot, member);
    }

    /// <summary>Per channel: how far the member has read, and how many messages by others are after that.</summary>
    public async Task<(Dictionary<int, long> Read, Dictionary<int, int> Unread)> ReadStateAsync(int memberId, IReadOnlyCollection<int> channelIds, CancellationToken cancellationToken)
    {
        var reads = await db.Set<ChannelReadState>().AsNoTracking()
            .Where(r => r.MemberId == memberId && channelIds.Contains(r.ChannelId))
            .ToDictionaryAsync(r => r.ChannelId, r => r.LastReadSequence, cancellationToken);
        var unread = await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => channelIds.Contains(m.ChannelId) && m.AuthorId != memberId && m.DeletedAt == null
                && m.Sequence > (db.Set<ChannelReadState>().Where(r => r.MemberId == memberId && r.ChannelId == m.ChannelId)
                    .Select(r => (long?)r.LastReadSequence).FirstOrDefault() ?? 0))
            .GroupBy(m => m.ChannelId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (reads, unread);
    }

    public async Task<OpenStateDto> OpenStateAsync(ClaimsPrincipal user, int spaceId, CancellationToken cancellationToken)
    {
        var space = await access.SpaceAsync(spaceId, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        _ = await access.MemberAsync(spaceId, user, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        var now = time.GetUtcNow();
        return ToDto(OpeningSchedule.StateAt(space, now), now);
    }

    /// <summary>
    /// Stores a message and returns it with <c>Stored</c> true; the caller broadcasts it. A resend with the same
    /// client message id returns the stored message with <c>Stored</c> false (nothing new to broadcast).
    /// </summary>
    public async Task<(MessageDto Message, bool Stored)> SendAsync(ClaimsPrincipal user, int channelId, Guid clientMessageId, string? text, CancellationToken cancellationToken)
    {
        var (channel, member) = await SeatAsync(user, channelId, cancellationToken);
        if (clientMessageId == Guid.Empty)
        {
            throw new ChatRefusalException(t["Meddelandet saknar id. Ladda om sidan och försök igen."]);
        }
        if (await StoredAsync(member.Id, clientMessageId, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }
        var clean = CleanText(text);
        await EnsureCanWriteAsync(member, cancellationToken);
        if (!limiter.TryTake(member.Id))
        {
            throw new ChatRefusalException(t[TooFastText]);
        }

        // Not cancelled half-way: once begun, the store runs to its end (it is short), so a dropped connection
        // leaves either a whole message or none, and the client's resend settles which.
        using var turn = await writeGate.EnterAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var sequence = await NextSequenceAsync(transaction, channel.Id);
        var message = new ChatMessage
        {
            ChannelId = channel.Id,
            Sequence = sequence,
            AuthorId = member.Id,
            ClientMessageId = clientMessageId,
            Text = clean,
            SentAt = time.GetUtcNow(),
        };
        db.Add(message);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // Two resends raced and the other one stored it: the unique (author, client id) index said no.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await StoredAsync(member.Id, clientMessageId, CancellationToken.None) is { } raced)
            {
                return (raced, false);
            }
            throw;
        }
        return (new MessageDto(message.Id, channel.Id, sequence, member.Id, member.DisplayName, member.IsStaff, clean,
            message.SentAt, null, false, clientMessageId), true);
    }

    public async Task<MessageDto> EditAsync(ClaimsPrincipal user, long messageId, string? text, CancellationToken cancellationToken)
    {
        var message = await db.Set<ChatMessage>().SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new ChatRefusalException(t["Meddelandet finns inte."]);
        var (_, member) = await SeatAsync(user, message.ChannelId, cancellationToken);
        if (message.AuthorId != member.Id)
        {
            throw new ChatRefusalException(t["Du kan bara redigera dina egna meddelanden."]);
        }
        if (message.DeletedAt is not null)
        {
            throw new ChatRefusalException(t["Meddelandet är borttaget och kan inte redigeras."]);
        }
        var clean = CleanText(text);
        await EnsureCanWriteAsync(member, cancellationToken);
        if (!limiter.TryTake(member.Id))
        {
            throw new ChatRefusalException(t[TooFastText]);
        }
        if (clean != message.Text)
        {
            message.Text = clean;
            message.EditedAt = time.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return await DtoAsync(message.Id);
    }

    /// <summary>Deletes one's own message, or as staff of the space removes anyone's (audited as moderation).</summary>
    public async Task<MessageDto> DeleteAsync(ClaimsPrincipal user, long messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var message = await db.Set<ChatMessage>().Include(m => m.Author).SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new ChatRefusalException(t["Meddelandet finns inte."]);
        var (channel, member) = await SeatAsync(user, message.ChannelId, cancellationToken);
        var moderation = message.AuthorId != member.Id;
        if (moderation && !member.IsStaff)
        {
            throw new ChatRefusalException(t["Du kan bara ta bort dina egna meddelanden."]);
        }
        if (message.DeletedAt is null)
        {
            message.Text = "";
            message.DeletedAt = time.GetUtcNow();
            message.DeletedById = member.Id;
            if (moderation)
            {
                audit.Add(MessageRemovedAction, "DropInMessage", message.Id.ToString(CultureInfo.InvariantCulture),
                    $"#{channel.Slug}, skrivet av {message.Author?.DisplayName}, borttaget av {member.DisplayName}",
                    DropInAccess.UserIdOf(user), user.Identity?.Name);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return await DtoAsync(message.Id);
    }

    /// <summary>The messages after <paramref name="afterSequence"/>, oldest first, at most <see cref="SinceLimit"/>.</summary>
    public async Task<IReadOnlyList<MessageDto>> SinceAsync(ClaimsPrincipal user, int channelId, long afterSequence, CancellationToken cancellationToken)
    {
        _ = await SeatAsync(user, channelId, cancellationToken);
        return await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Sequence > afterSequence)
            .OrderBy(m => m.Sequence)
            .Take(SinceLimit)
            .Select(Projection)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> messages before <paramref name="beforeSequence"/>, oldest first (scroll-back).</summary>
    public async Task<IReadOnlyList<MessageDto>> BeforeAsync(ClaimsPrincipal user, int channelId, long beforeSequence, int count, CancellationToken cancellationToken)
    {
        _ = await SeatAsync(user, channelId, cancellationToken);
        return await HistoryAsync(channelId, beforeSequence, count, cancellationToken);
    }

    /// <summary>The last messages before a sequence (long.MaxValue: the newest), oldest first; no access check.</summary>
    public async Task<IReadOnlyList<MessageDto>> HistoryAsync(int channelId, long beforeSequence, int count, CancellationToken cancellationToken)
    {
        var newestFirst = await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Sequence < beforeSequence)
            .OrderByDescending(m => m.Sequence)
            .Take(Math.Clamp(count, 1, BeforeLimit))
            .Select(Projection)
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }

    /// <summary>Moves the member's read marker forward (never back, never past the last message).</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, int channelId, long sequence, CancellationToken cancellationToken)
    {
        var (channel, member) = await SeatAsync(user, channelId, cancellationToken);
        var target = Math.Min(sequence, channel.LastSequence);
        if (target <= 0)
        {
            return;
        }
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var moved = await db.Set<ChannelReadState>()
                .Where(r => r.MemberId == member.Id && r.ChannelId == channelId && r.LastReadSequence < target)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadSequence, target), cancellationToken);
            if (moved > 0 || await db.Set<ChannelReadState>().AnyAsync(r => r.MemberId == member.Id && r.ChannelId == channelId, cancellationToken))
            {
                return;
            }
            db.Add(new ChannelReadState { MemberId = member.Id, ChannelId = channelId, LastReadSequence = target });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Another connection of the same member inserted it first: move that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Staff open or close the space by hand ("open", "closed"), optionally until an instant, or hand it back to the schedule.</summary>
    public async Task<OpenStateDto> SetOpenAsync(ClaimsPrincipal user, int spaceId, string? mode, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var member = await access.MemberAsync(spaceId, user, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        if (!member.IsStaff)
        {
            throw new ChatRefusalException(t[StaffOnlyText]);
        }
        var chosen = mode switch
        {
            "open" => OpenOverride.Open,
            "closed" => OpenOverride.Closed,
            "schedule" => OpenOverride.None,
            _ => throw new ChatRefusalException(t["Välj om mötesplatsen ska öppnas, stängas eller följa öppettiderna."]),
        };
        var now = time.GetUtcNow();
        if (chosen == OpenOverride.None)
        {
            until = null;
        }
        else if (until is { } end && end <= now)
        {
            throw new ChatRefusalException(t["Tiden har redan passerat. Välj en senare tid eller lämna fältet tomt."]);
        }
        var space = await db.Set<Space>().Include(s => s.OpeningHours).Include(s => s.SpecialDays)
            .SingleAsync(s => s.Id == spaceId, cancellationToken);
        space.Override = chosen;
        space.OverrideUntil = until?.ToUniversalTime();
        audit.Add(OpenStateChangedAction, "DropInSpace", spaceId.ToString(CultureInfo.InvariantCulture),
            until is { } u ? $"{mode} till {u.ToStockholm().ToString("yyyy-MM-dd HH.mm", CultureInfo.InvariantCulture)}" : mode,
            DropInAccess.UserIdOf(user), user.Identity?.Name);
        await db.SaveChangesAsync(CancellationToken.None);
        schedules.Invalidate(spaceId);
        return ToDto(OpeningSchedule.StateAt(space, now), now);
    }

    /// <summary>The open state for the wire, described in the current UI language.</summary>
    public static OpenStateDto ToDto(OpenState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.IsOpen, OpeningSchedule.Describe(state, now), state.Until, state.NextOpening, state.ByStaff);
    }

    /// <summary>The channel and the caller's membership, when the caller may read it; otherwise a refusal.</summary>
    private async Task<(Channel Channel, SpaceMember Member)> SeatAsync(ClaimsPrincipal user, int channelId, CancellationToken cancellationToken)
    {
        var userId = DropInAccess.UserIdOf(user) ?? throw new ChatRefusalException(t[NotMemberText]);
        var seat = await (
                from c in db.Set<Channel>().AsNoTracking()
                join m in db.Set<SpaceMember>().AsNoTracking() on c.SpaceId equals m.SpaceId
                where c.Id == channelId && c.ArchivedAt == null && m.UserId == userId && m.RemovedAt == null
                select new { Channel = c, Member = m })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ChatRefusalException(t["Kanalen finns inte, eller så är du inte medlem i dess mötesplats."]);
        var groups = seat.Channel.Access == ChannelAccess.Group && !seat.Member.IsStaff
            ? await access.GroupIdsAsync(seat.Member.Id, cancellationToken)
            : NoGroups;
        if (!DropInAccess.CanRead(seat.Member, seat.Channel, groups))
        {
            throw new ChatRefusalException(seat.Channel.Access == ChannelAccess.Staff
                ? t["Den här kanalen är bara för personalen."]
                : t["Du har inte tillgång till den här kanalen."]);
        }
        return (seat.Channel, seat.Member);
    }

    /// <summary>Members write only while the space is open and they are not paused; staff always.</summary>
    private async Task EnsureCanWriteAsync(SpaceMember member, CancellationToken cancellationToken)
    {
        if (member.IsStaff)
        {
            return;
        }
        var now = time.GetUtcNow();
        if (member.MutedUntil is { } muted && muted > now)
        {
            throw new ChatRefusalException(string.Format(CultureInfo.CurrentCulture,
                t["Personalen har pausat dig. Du kan skriva igen {0}."], OpeningSchedule.When(muted, now, !Tr.IsEnglish)));
        }
        var space = await schedules.GetAsync(member.SpaceId, cancellationToken) ?? throw new ChatRefusalException(t[NotMemberText]);
        var state = OpeningSchedule.StateAt(space, now);
        if (!access.CanWrite(member, state))
        {
            throw new ChatRefusalException(state.NextOpening is { } next
                ? string.Format(CultureInfo.CurrentCulture, t["Mötesplatsen är stängd just nu. Vi öppnar {0}."], OpeningSchedule.When(next, now, !Tr.IsEnglish))
                : t["Mötesplatsen är stängd just nu."]);
        }
    }

    private async Task<long> NextSequenceAsync(IDbContextTransaction transaction, int channelId)
    {
        // One statement takes the row lock and the number: concurrent senders wait for each other's commit, so a
        // client that asks for "everything after N" never finds N+2 committed before N+1. SQLite 3.35+ and PostgreSQL.
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "UPDATE \"DropInChannels\" SET \"LastSequence\" = \"LastSequence\" + 1 WHERE \"Id\" = @id RETURNING \"LastSequence\"";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = channelId;
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(CancellationToken.None);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private Task<MessageDto?> StoredAsync(int authorId, Guid clientMessageId, CancellationToken cancellationToken) =>
        db.Set<ChatMessage>().AsNoTracking()
            .Where(m => m.AuthorId == authorId && m.ClientMessageId == clientMessageId)
            .Select(Projection)
            .SingleOrDefaultAsync(cancellationToken);

    private Task<MessageDto> DtoAsync(long messageId) =>
        db.Set<ChatMessage>().AsNoTracking().Where(m => m.Id == messageId).Select(Projection).SingleAsync(CancellationToken.None);
}
