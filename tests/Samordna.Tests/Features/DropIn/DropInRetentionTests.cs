using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;

namespace Samordna.Tests.Features.DropIn;

public sealed class DropInRetentionTests(DropInRetentionTests.RetentionFactory factory) : IClassFixture<DropInRetentionTests.RetentionFactory>
{
    public sealed class RetentionFactory : SamordnaFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Samordna:SeedDemoContent", "true"),
            new("DropIn:Retention:BackgroundJobs", "false"),
            new("DropIn:Retention:MessageDays", "30"),
        ];
    }

    [Fact]
    public async Task Messages_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = factory.Clock.GetUtcNow();
        var (old, recent) = await factory.WithDbAsync(async db =>
        {
            var channel = await db.Set<Channel>().FirstAsync(c => c.Slug == "allmant", ct);
            var author = await db.Set<SpaceMember>().FirstAsync(m => m.SpaceId == channel.SpaceId, ct);
            var old = Message(channel, author, now.AddDays(-31), "Gammalt meddelande");
            var recent = Message(channel, author, now.AddDays(-29), "Nyare meddelande");
            db.AddRange(old, recent);
            await db.SaveChangesAsync(ct);
            return (old.Id, recent.Id);
        });

        var deleted = await factory.Services.GetRequiredService<DropInRetention>().PurgeAsync(ct);

        Assert.True(deleted >= 1);
        var left = await factory.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.Id == old || m.Id == recent).Select(m => m.Id).ToListAsync(ct));
        Assert.Equal([recent], left);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.SentAt < now.AddDays(-30), ct)));
    }

    private static ChatMessage Message(Channel channel, SpaceMember author, DateTimeOffset sentAt, string text)
    {
        channel.LastSequence++;
        return new ChatMessage { ChannelId = channel.Id, Sequence = channel.LastSequence, AuthorId = author.Id, ClientMessageId = Guid.NewGuid(), Text = text, SentAt = sentAt };
    }
}
