using Microsoft.AspNetCore.SignalR;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>
/// Who is connected to the chat right now, in memory (one web node): per space, each present member with the number
/// of their open connections, and per connection its caller context, so the server can end a member's connections
/// (removed from the space, an account disabled, a test dropping the line on purpose).
/// </summary>
public sealed class PresenceTracker
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Connection> connections = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<int, Present>> spaces = [];

    /// <summary>The number of open hub connections.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    public void Connected(HubCallerContext context, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (gate)
        {
            connections[context.ConnectionId] = new Connection(context, userId);
        }
    }

    /// <summary>Counts the connection as present in the space; true when the member was not present before.</summary>
    public bool Join(string connectionId, int spaceId, PresenceDto member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (gate)
        {
            if (!connections.TryGetValue(connectionId, out var connection) || !connection.Spaces.TryAdd(spaceId, member.MemberId))
            {
                return false;
            }
            if (!spaces.TryGetValue(spaceId, out var present))
            {
                spaces[spaceId] = present = [];
            }
            if (present.TryGetValue(member.MemberId, out var existing))
            {
                existing.Connections++;
                return false;
            }
            present[member.MemberId] = new Present(member) { Connections = 1 };
            return true;
        }
    }

    /// <summary>Forgets the connection; returns the spaces whose list of present members changed.</summary>
    public IReadOnlyList<int> Disconnected(string connectionId)
    {
        lock (gate)
        {
            if (!connections.Remove(connectionId, out var connection))
            {
                return [];
            }
            var changed = new List<int>();
            foreach (var (spaceId, memberId) in connection.Spaces)
            {
                if (spaces.TryGetValue(spaceId, out var present) && present.TryGetValue(memberId, out var entry) && --entry.Connections <= 0)
                {
                    present.Remove(memberId);
                    if (present.Count == 0)
                    {
                        spaces.Remove(spaceId);
                    }
                    changed.Add(spaceId);
                }
            }
            return changed;
        }
    }

    /// <summary>The members present in a space: staff first, then by name.</summary>
    public IReadOnlyList<PresenceDto> In(int spaceId)
    {
        lock (gate)
        {
            return spaces.TryGetValue(spaceId, out var present)
                ? present.Values.Select(p => p.Member)
                    .OrderByDescending(m => m.IsStaff)
                    .ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))
                    .ToList()
                : [];
        }
    }

    /// <summary>The spaces that have someone present.</summary>
    public IReadOnlyList<int> OccupiedSpaces()
    {
        lock (gate)
        {
            return [.. spaces.Keys];
        }
    }

    /// <summary>Ends every connection of a member of a space; returns how many were ended.</summary>
    public int DisconnectMember(int memberId) => Abort(c => c.Spaces.ContainsValue(memberId));

    /// <summary>Ends every chat connection of an account (a disabled account, signed out everywhere).</summary>
    public int DisconnectUser(Guid userId) => Abort(c => c.UserId == userId);

    /// <summary>Ends the chat connections made with one sign-in session (a device signed out from the device list).</summary>
    public int DisconnectSession(Guid userId, Guid sessionId) =>
        Abort(c => c.UserId == userId && c.Context.User?.FindFirst(SamordnaSignInManager.SessionClaim)?.Value == sessionId.ToString());

    /// <summary>The connections of the staff present in a space (to let them into a channel opened while they are here).</summary>
    public IReadOnlyList<string> StaffConnectionsIn(int spaceId)
    {
        lock (gate)
        {
            if (!spaces.TryGetValue(spaceId, out var present))
            {
                return [];
            }
            return connections.Values
                .Where(c => c.Spaces.TryGetValue(spaceId, out var member) && present.TryGetValue(member, out var entry) && entry.Member.IsStaff)
                .Select(c => c.Context.ConnectionId)
                .ToList();
        }
    }

    /// <summary>Ends every connection present in a space, so each client reconnects and reads its channels afresh.</summary>
    public int DisconnectSpace(int spaceId) => Abort(c => c.Spaces.ContainsKey(spaceId));

    private int Abort(Func<Connection, bool> which)
    {
        List<HubCallerContext> doomed;
        lock (gate)
        {
            doomed = connections.Values.Where(which).Select(c => c.Context).ToList();
        }
        // The hub's OnDisconnectedAsync removes them from the tracker and tells the others.
        foreach (var context in doomed)
        {
            context.Abort();
        }
        return doomed.Count;
    }

    private sealed class Connection(HubCallerContext context, Guid userId)
    {
        public HubCallerContext Context { get; } = context;

        public Guid UserId { get; } = userId;

        /// <summary>Space id -> the member id the connection joined it as.</summary>
        public Dictionary<int, int> Spaces { get; } = [];
    }

    private sealed class Present(PresenceDto member)
    {
        public PresenceDto Member { get; } = member;

        public int Connections { get; set; }
    }
}
