using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Chat;
using Samordna.Web.Platform.Audit;
using static Samordna.Tests.Features.DropIn.Chat.ChatTestData;

namespace Samordna.Tests.Features.DropIn.Chat;

public sealed class ChatHubTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Fact]
    public async Task A_message_is_stored_then_broadcast_to_another_member()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var snapshot = await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.Equal("nova", snapshot.Me.Name);
        Assert.Contains(snapshot.Presence, p => p.Name == "Tina" && p.IsStaff);

        var clientId = Guid.NewGuid();
        var sent = await tinaHub.InvokeAsync<MessageDto>("Send", space.General, clientId, "Hej och välkomna! 😊");

        var received = await novaHub.NextAsync<MessageDto>("message");
        Assert.Equal(sent.Id, received.Id);
        Assert.Equal(1, received.Sequence);
        Assert.Equal("Hej och välkomna! 😊", received.Text);
        Assert.Equal("Tina", received.Author);
        Assert.True(received.AuthorIsStaff);
        Assert.Equal(clientId, received.ClientMessageId);
        var stored = await factory.WithDbAsync(db => db.Set<ChatMessage>().SingleAsync(m => m.Id == sent.Id, Ct));
        Assert.Equal("Hej och välkomna! 😊", stored.Text);
        Assert.Equal(1, stored.Sequence);
    }

    [Fact]
    public async Task After_a_gap_Since_returns_exactly_the_missed_messages_in_order()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await tinaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "ett");

        long lastSeen;
        await using (var novaHub = await factory.ConnectAsync(nova))
        {
            await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
            var seen = await novaHub.InvokeAsync<List<MessageDto>>("Since", space.General, 0L);
            lastSeen = Assert.Single(seen).Sequence;
        }

        foreach (var text in new[] { "två", "tre", "fyra" })
        {
            await tinaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), text);
        }

        await using var again = await factory.ConnectAsync(nova);
        await again.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var missed = await again.InvokeAsync<List<MessageDto>>("Since", space.General, lastSeen);
        Assert.Equal(["två", "tre", "fyra"], missed.Select(m => m.Text));
        Assert.Equal([2L, 3L, 4L], missed.Select(m => m.Sequence));

        var older = await again.InvokeAsync<List<MessageDto>>("Before", space.General, 3L, 50);
        Assert.Equal(["ett", "två"], older.Select(m => m.Text));
    }

    [Fact]
    public async Task A_resend_with_the_same_client_message_id_does_not_double()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");
        var sol = await factory.AddMemberAsync(space, "sol");
        await using var novaHub = await factory.ConnectAsync(nova);
        await using var solHub = await factory.ConnectAsync(sol);
        await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await solHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var clientId = Guid.NewGuid();
        var first = await novaHub.InvokeAsync<MessageDto>("Send", space.General, clientId, "Finns det någon här?");
        // The connection dropped before the answer came: the client sends the same message again, on a new connection.
        await using var reconnected = await factory.ConnectAsync(nova);
        await reconnected.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var second = await reconnected.InvokeAsync<MessageDto>("Send", space.General, clientId, "Finns det någon här?");
        var next = await novaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "Hallå?");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Sequence, second.Sequence);
        await solHub.NextAsync<MessageDto>("message", m => m.Id == next.Id);
        Assert.Single(solHub.Received<MessageDto>("message"), m => m.Id == first.Id);
        var count = await factory.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.ChannelId == space.General, Ct));
        Assert.Equal(2, count);
        Assert.Equal(2, next.Sequence);
    }

    [Fact]
    public async Task Empty_and_over_long_messages_are_refused_and_emoji_count_as_the_database_counts()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var hub = await factory.ConnectAsync(nova);
        await hub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var empty = await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("Send", space.General, Guid.NewGuid(), "  \n "));
        Assert.Contains("Skriv något i meddelandet först.", empty.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("Send", space.General, Guid.NewGuid(), new string('a', 2001)));
        Assert.Contains("Meddelandet är för långt: 2001 tecken. Det får vara högst 2000 tecken.", tooLong.Message, StringComparison.Ordinal);
        // 1,001 emoji are 2,002 UTF-16 code units: too long, as the browser's maxlength and the column count them.
        var emoji = string.Concat(Enumerable.Repeat("😊", 1001));
        await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("Send", space.General, Guid.NewGuid(), emoji));

        var longest = await hub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), emoji[2..]);
        Assert.Equal(2000, longest.Text.Length);
        var stored = await factory.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.ChannelId == space.General).Select(m => m.Text).ToListAsync(Ct));
        Assert.Equal([emoji[2..]], stored);
    }

    [Fact]
    public async Task A_closed_space_refuses_members_but_not_staff()
    {
        var space = await factory.CreateChatSpaceAsync(OpenOverride.None); // Tuesday 10.00: closed until 13.00.
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        var snapshot = await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.False(snapshot.State.IsOpen);
        Assert.Equal("Stängt just nu — vi öppnar i dag kl. 13.00", snapshot.State.Text);
        Assert.All(snapshot.Channels, c => Assert.False(c.CanWrite));

        var refused = await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("Send", space.General, Guid.NewGuid(), "Hej?"));
        Assert.Contains("Mötesplatsen är stängd just nu. Vi öppnar i dag kl. 13.00.", refused.Message, StringComparison.Ordinal);

        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var staffMessage = await tinaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "Vi öppnar kl. 13!");
        Assert.Equal(1, staffMessage.Sequence);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.ChannelId == space.General, Ct)));
    }

    [Fact]
    public async Task A_participant_calling_SetOpen_is_refused_and_nothing_changes_while_staff_open_for_everyone()
    {
        var space = await factory.CreateChatSpaceAsync(OpenOverride.Closed);
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var refused = await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("SetOpen", space.Id, "open", null));
        Assert.Contains("Bara personal kan göra det här.", refused.Message, StringComparison.Ordinal);
        var unchanged = await factory.WithDbAsync(db => db.Set<Space>().SingleAsync(s => s.Id == space.Id, Ct));
        Assert.Equal(OpenOverride.Closed, unchanged.Override);
        Assert.Empty(novaHub.Received<OpenStateDto>("openState"));

        var until = factory.Clock.GetUtcNow().AddHours(2);
        var opened = await tinaHub.InvokeAsync<OpenStateDto>("SetOpen", space.Id, "open", until);
        Assert.True(opened.IsOpen);
        Assert.True(opened.ByStaff);
        var told = await novaHub.NextAsync<OpenStateDto>("openState");
        Assert.True(told.IsOpen);
        Assert.Equal(until, told.Until);
        var message = await novaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "Nu är det öppet!");
        Assert.Equal("nova", message.Author);
        var audited = await factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == ChatService.OpenStateChangedAction && a.SubjectId == space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_staff_only_channel_is_refused_for_members_and_a_group_channel_open_to_its_group()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        var kiwi = await factory.AddMemberAsync(space, "kiwi");
        await factory.WithDbAsync(async db =>
        {
            db.Add(new MemberGroupMembership { GroupId = space.CouncilGroup, MemberId = kiwi.MemberId });
            await db.SaveChangesAsync(Ct);
        });
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        await using var kiwiHub = await factory.ConnectAsync(kiwi);
        var staffView = await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var novaView = await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var kiwiView = await kiwiHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.Equal([space.General, space.StaffRoom, space.Council], staffView.Channels.Select(c => c.Id));
        Assert.Equal([space.General], novaView.Channels.Select(c => c.Id));
        Assert.Equal([space.General, space.Council], kiwiView.Channels.Select(c => c.Id));

        await tinaHub.InvokeAsync<MessageDto>("Send", space.StaffRoom, Guid.NewGuid(), "Bara för oss.");
        var read = await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("Since", space.StaffRoom, 0L));
        Assert.Contains("Den här kanalen är bara för personalen.", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("Before", space.StaffRoom, 100L, 10));
        await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("Send", space.StaffRoom, Guid.NewGuid(), "Får jag vara med?"));
        await Assert.ThrowsAsync<HubCallException>(() => novaHub.InvokeAsync("Since", space.Council, 0L));
        Assert.Empty(novaHub.Received<MessageDto>("message"));
        Assert.Empty(await kiwiHub.InvokeAsync<List<MessageDto>>("Since", space.Council, 0L));
        Assert.Single(await tinaHub.InvokeAsync<List<MessageDto>>("Since", space.StaffRoom, 0L));
    }

    [Fact]
    public async Task Someone_outside_the_space_cannot_join_it()
    {
        var space = await factory.CreateChatSpaceAsync();
        var outsider = await factory.OutsiderAsync();
        await using var hub = await factory.ConnectAsync(outsider);

        var refused = await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("JoinSpace", space.Id));
        Assert.Contains("Du är inte medlem i den här mötesplatsen.", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("Send", space.General, Guid.NewGuid(), "Hej"));
    }

    [Fact]
    public async Task A_foreign_Origin_is_refused_at_the_handshake_while_the_own_origin_and_none_work()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");

        var socket = await Assert.ThrowsAnyAsync<Exception>(() => factory.ConnectAsync(nova, origin: "https://elak.example"));
        Assert.Contains("403", socket.Message, StringComparison.Ordinal);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/motesplats/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://elak.example");
        var response = await nova.Client.SendAsync(negotiate, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OriginCheck.RefusedText, await response.Content.ReadAsStringAsync(Ct));

        await using var sameOrigin = await factory.ConnectAsync(nova, origin: "http://localhost");
        Assert.Equal(space.Id, (await sameOrigin.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id)).SpaceId);
        await using var noOrigin = await factory.ConnectAsync(nova);
        Assert.Equal(space.Id, (await noOrigin.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id)).SpaceId);
    }

    [Fact]
    public async Task Without_a_sign_in_the_hub_cannot_be_reached()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(factory.Server, cookie: null, cancellationToken: Ct));
    }

    [Fact]
    public async Task Sending_too_fast_is_refused_until_the_bucket_refills()
    {
        var space = await factory.CreateChatSpaceAsync();
        var leo = await factory.AddMemberAsync(space, "leo");
        await using var hub = await factory.ConnectAsync(leo);
        await hub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        for (var i = 0; i < 10; i++)
        {
            await hub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), $"spam {i}");
        }
        var refused = await Assert.ThrowsAsync<HubCallException>(() => hub.InvokeAsync("Send", space.General, Guid.NewGuid(), "spam 10"));
        Assert.Contains("Du skickar för snabbt. Vänta en stund.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(10, await factory.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.ChannelId == space.General, Ct)));

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = await hub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "lugnare nu");
        Assert.Equal(11, later.Sequence);
    }

    [Fact]
    public async Task Concurrent_sends_get_distinct_consecutive_sequences()
    {
        var space = await factory.CreateChatSpaceAsync();
        var people = new List<ChatPerson>();
        foreach (var name in new[] { "nova", "sol", "kiwi", "ruben", "leo" })
        {
            people.Add(await factory.AddMemberAsync(space, name));
        }
        var hubs = new List<HubClient>();
        try
        {
            foreach (var person in people)
            {
                var hub = await factory.ConnectAsync(person);
                hubs.Add(hub);
                await hub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
            }
            // Several connections at once (one connection's invocations run one at a time on the server).
            var results = await Task.WhenAll(hubs.Select(async hub =>
            {
                var mine = new List<MessageDto>();
                var batch = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => hub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), $"meddelande {i}")));
                mine.AddRange(batch);
                return mine;
            }));
            var sequences = results.SelectMany(r => r).Select(m => m.Sequence).Order().ToList();
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sequences);
            var stored = await factory.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.ChannelId == space.General).OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync(Ct));
            Assert.Equal(sequences, stored);
            Assert.Equal(20, await factory.WithDbAsync(db => db.Set<Channel>().Where(c => c.Id == space.General).Select(c => c.LastSequence).SingleAsync(Ct)));
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Own_messages_can_be_edited_and_deleted_and_staff_remove_others_with_an_audit_entry()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        var sol = await factory.AddMemberAsync(space, "sol");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        await using var solHub = await factory.ConnectAsync(sol);
        foreach (var hub in new[] { tinaHub, novaHub, solHub })
        {
            await hub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        }
        var mine = await novaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "Hej allihop, jag heter nova");
        var edited = await novaHub.InvokeAsync<MessageDto>("Edit", mine.Id, "Hej allihop!");
        Assert.Equal("Hej allihop!", edited.Text);
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(mine.Sequence, edited.Sequence);
        var seenEdit = await solHub.NextAsync<MessageDto>("message", m => m.Id == mine.Id && m.EditedAt != null);
        Assert.Equal("Hej allihop!", seenEdit.Text);

        var notYours = await Assert.ThrowsAsync<HubCallException>(() => solHub.InvokeAsync("Edit", mine.Id, "kapat"));
        Assert.Contains("Du kan bara redigera dina egna meddelanden.", notYours.Message, StringComparison.Ordinal);
        var notYoursToDelete = await Assert.ThrowsAsync<HubCallException>(() => solHub.InvokeAsync("Delete", mine.Id));
        Assert.Contains("Du kan bara ta bort dina egna meddelanden.", notYoursToDelete.Message, StringComparison.Ordinal);

        var rude = await solHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), "något elakt");
        var removed = await tinaHub.InvokeAsync<MessageDto>("Delete", rude.Id);
        Assert.True(removed.Deleted);
        Assert.Equal("", removed.Text);
        var seenRemoval = await novaHub.NextAsync<MessageDto>("message", m => m.Id == rude.Id && m.Deleted);
        Assert.Equal("", seenRemoval.Text);
        var row = await factory.WithDbAsync(db => db.Set<ChatMessage>().SingleAsync(m => m.Id == rude.Id, Ct));
        Assert.Equal("", row.Text);
        Assert.Equal(tina.MemberId, row.DeletedById);
        var audit = await factory.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(a => a.Action == ChatService.MessageRemovedAction && a.SubjectId == rude.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.Equal(tina.User.Id, audit.ActorId);
        Assert.DoesNotContain("elakt", audit.Details ?? "", StringComparison.Ordinal);
        Assert.Equal("Chattmeddelande borttaget av personal",
            factory.Services.GetRequiredService<AuditVocabulary>().NameOf(ChatService.MessageRemovedAction));

        var ownDelete = await novaHub.InvokeAsync<MessageDto>("Delete", mine.Id);
        Assert.True(ownDelete.Deleted);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == ChatService.MessageRemovedAction && a.ActorId == tina.User.Id, Ct)));
    }

    [Fact]
    public async Task Read_markers_move_forward_only_and_count_others_unread_messages()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        for (var i = 1; i <= 5; i++)
        {
            await tinaHub.InvokeAsync<MessageDto>("Send", space.General, Guid.NewGuid(), $"nummer {i}");
        }
        await using var novaHub = await factory.ConnectAsync(nova);
        var before = await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.Equal(5, before.Channels.Single(c => c.Id == space.General).Unread);

        await novaHub.InvokeAsync("MarkRead", space.General, 4L);
        await novaHub.InvokeAsync("MarkRead", space.General, 2L);
        await novaHub.InvokeAsync("MarkRead", space.General, 99L);
        var after = await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        var general = after.Channels.Single(c => c.Id == space.General);
        Assert.Equal(5, general.LastReadSequence);
        Assert.Equal(0, general.Unread);
        Assert.Equal(5, general.LastSequence);
    }

    [Fact]
    public async Task The_server_can_end_a_members_connections_and_the_others_see_them_leave()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var nova = await factory.AddMemberAsync(space, "nova");
        await using var tinaHub = await factory.ConnectAsync(tina);
        await using var novaHub = await factory.ConnectAsync(nova);
        await tinaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await novaHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await tinaHub.NextAsync<List<PresenceDto>>("presence", list => list.Any(p => p.Name == "nova"));

        var ended = factory.Services.GetRequiredService<PresenceTracker>().DisconnectMember(nova.MemberId);

        Assert.Equal(1, ended);
        await novaHub.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var left = await tinaHub.NextAsync<List<PresenceDto>>("presence", list => list.All(p => p.Name != "nova"));
        Assert.Contains(left, p => p.Name == "Tina");
    }

    [Fact]
    public async Task A_paused_member_may_read_but_not_write_and_a_removed_member_is_shut_out()
    {
        var space = await factory.CreateChatSpaceAsync();
        var sol = await factory.AddMemberAsync(space, "sol");
        var ruben = await factory.AddMemberAsync(space, "ruben");
        await factory.WithDbAsync(async db =>
        {
            var paused = await db.Set<SpaceMember>().SingleAsync(m => m.Id == sol.MemberId, Ct);
            paused.MutedUntil = factory.Clock.GetUtcNow().AddHours(1);
            var removed = await db.Set<SpaceMember>().SingleAsync(m => m.Id == ruben.MemberId, Ct);
            removed.RemovedAt = factory.Clock.GetUtcNow();
            await db.SaveChangesAsync(Ct);
        });
        await using var solHub = await factory.ConnectAsync(sol);
        await using var rubenHub = await factory.ConnectAsync(ruben);

        var snapshot = await solHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.NotNull(snapshot.Me.MutedUntil);
        Assert.All(snapshot.Channels, c => Assert.False(c.CanWrite));
        var paused = await Assert.ThrowsAsync<HubCallException>(() => solHub.InvokeAsync("Send", space.General, Guid.NewGuid(), "hallå"));
        Assert.Contains("Personalen har pausat dig.", paused.Message, StringComparison.Ordinal);
        Assert.Empty(await solHub.InvokeAsync<List<MessageDto>>("Since", space.General, 0L));

        var removed = await Assert.ThrowsAsync<HubCallException>(() => rubenHub.InvokeAsync("JoinSpace", space.Id));
        Assert.Contains("Du är inte medlem i den här mötesplatsen.", removed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubCallException>(() => rubenHub.InvokeAsync("Since", space.General, 0L));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.ChannelId == space.General, Ct)));
    }
}
