namespace Samordna.Web.Features.DropIn.Chat;

// The hub's wire contract (JSON, camelCase). Clients outside this repository (bench/chat) depend on these names and
// shapes: add members, never rename or remove them.

/// <summary>A person present in a space.</summary>
public sealed record PresenceDto(int MemberId, string Name, bool IsStaff);

/// <summary>The caller's own membership.</summary>
public sealed record MeDto(int MemberId, string Name, bool IsStaff, DateTimeOffset? MutedUntil);

/// <summary>Whether members may write now, said in words ("Stängt just nu — vi öppnar tisdag kl. 13.00").</summary>
public sealed record OpenStateDto(bool IsOpen, string Text, DateTimeOffset? Until, DateTimeOffset? NextOpening, bool ByStaff);

/// <summary>A channel opened while people are in the room (a new private guidance thread, for the staff).</summary>
public sealed record ChannelAddedDto(int Id, string Slug, string Name, string Access);

/// <summary>A channel the caller can read. <see cref="Unread"/> counts others' messages after the read marker.</summary>
public sealed record ChannelDto(int Id, string Slug, string Name, string Access, long LastSequence, long LastReadSequence, bool CanWrite, int Unread);

/// <summary>What a client needs after joining (or rejoining) a space.</summary>
public sealed record SpaceSnapshot(int SpaceId, string SpaceName, MeDto Me, OpenStateDto State, IReadOnlyList<ChannelDto> Channels, IReadOnlyList<PresenceDto> Presence);

/// <summary>A stored message. A deleted one keeps its place in the sequence with its text erased.</summary>
public sealed record MessageDto(
    long Id,
    int ChannelId,
    long Sequence,
    int AuthorId,
    string Author,
    bool AuthorIsStaff,
    string Text,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    Guid ClientMessageId);
