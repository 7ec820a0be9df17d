using Microsoft.EntityFrameworkCore;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;

namespace Samordna.Tests.Features.DropIn;

public sealed class DropInDemoTests(DropInDemoTests.DemoFactory factory) : IClassFixture<DropInDemoTests.DemoFactory>
{
    public sealed class DemoFactory : SamordnaFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Samordna:SeedDemoContent", "true")];
    }

    [Fact]
    public async Task The_demo_has_HoppetOnline_with_its_channels_staff_council_and_conversations()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.WithDbAsync(async db =>
        {
            var space = await db.Set<Space>().Include(s => s.Channels).Include(s => s.OpeningHours).SingleAsync(s => s.Slug == DropInDemoSeeder.SpaceSlug, ct);
            Assert.Equal("HoppetOnline", space.Name);
            Assert.Equal((16, 29), (space.MinAge, space.MaxAge));
            Assert.Equal("Runbyvägen 11, Upplands Väsby", space.PhysicalAddress);
            Assert.Equal(["allmant", "spel", "tips", "inflytanderadet", "personalrummet"], space.Channels.Where(c => c.Access != ChannelAccess.Private).OrderBy(c => c.SortOrder).Select(c => c.Slug));
            Assert.Equal(ChannelAccess.Staff, space.Channels.Single(c => c.Slug == "personalrummet").Access);
            Assert.NotEmpty(space.OpeningHours);

            var members = await db.Set<SpaceMember>().Where(m => m.SpaceId == space.Id).ToListAsync(ct);
            Assert.Equal(["Maria", "Tina"], members.Where(m => m.IsStaff).Select(m => m.DisplayName).Order());
            Assert.Equal(DropInDemoSeeder.Participants.Length, members.Count(m => !m.IsStaff));

            var leo = members.Single(m => m.DisplayName == "leo");
            Assert.Equal(leo.Id, space.Channels.Single(c => c.Access == ChannelAccess.Private).OwnerMemberId);

            var council = space.Channels.Single(c => c.Slug == "inflytanderadet");
            var councillors = await db.Set<MemberGroupMembership>().Where(g => g.GroupId == council.GroupId).Select(g => g.Member!.DisplayName).ToListAsync(ct);
            Assert.Contains("nova", councillors);

            // Every channel's messages are numbered 1..LastSequence without holes.
            foreach (var channel in space.Channels)
            {
                var sequences = await db.Set<ChatMessage>().Where(m => m.ChannelId == channel.Id).OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync(ct);
                Assert.NotEmpty(sequences);
                Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
                Assert.Equal(channel.LastSequence, sequences[^1]);
            }
        });
    }
}
