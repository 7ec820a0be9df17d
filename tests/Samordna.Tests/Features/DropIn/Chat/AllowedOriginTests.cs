using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn.Chat;

namespace Samordna.Tests.Features.DropIn.Chat;

/// <summary>The chat served to a second address (e.g. an app domain) through DropIn:Chat:AllowedOrigins.</summary>
public sealed class AllowedOriginFactory : SamordnaFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("DropIn:Chat:AllowedOrigins:0", "https://chatt.example.se/")];
}

public sealed class AllowedOriginTests(AllowedOriginFactory factory) : IClassFixture<AllowedOriginFactory>
{
    [Fact]
    public async Task An_origin_on_the_allow_list_may_connect_and_others_still_may_not()
    {
        var space = await factory.CreateChatSpaceAsync();
        var nova = await factory.AddMemberAsync(space, "nova");

        await using var allowed = await factory.ConnectAsync(nova, origin: "https://chatt.example.se");
        Assert.Equal(space.Id, (await allowed.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id)).SpaceId);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => factory.ConnectAsync(nova, origin: "https://chatt.example.se.elak.example"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }
}
