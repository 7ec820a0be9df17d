using System.Net;
using Samordna.Tests.Infrastructure;
using Samordna.Web.Features.DropIn;
using Samordna.Web.Features.DropIn.Chat;
using static Samordna.Tests.Features.DropIn.Chat.ChatTestData;

namespace Samordna.Tests.Features.DropIn.Chat;

/// <summary>
/// A hub connection is authenticated once, at its handshake; these tests show that it still ends when what allowed it
/// ends: removal from the space, a device signed out, an account disabled.
/// </summary>
public sealed class ConnectionEndTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Staff_removing_a_member_ends_their_live_connection()
    {
        var space = await factory.CreateChatSpaceAsync();
        var tina = await factory.AddMemberAsync(space, "Tina", SpaceRole.Staff);
        var ruben = await factory.AddMemberAsync(space, "ruben");
        await using var rubenHub = await factory.ConnectAsync(ruben);
        await rubenHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var confirm = $"/motesplats/{space.Slug}/personal/medlemmar/{ruben.MemberId}/ta-bort";
        var removed = await tina.Client.SubmitFormAsync(confirm, []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await rubenHub.Closed.WaitAsync(Wait, Ct);
    }

    [Fact]
    public async Task Signing_out_another_device_ends_that_devices_connection_only()
    {
        var space = await factory.CreateChatSpaceAsync();
        var phone = await factory.AddMemberAsync(space, "nova");
        var (laptop, laptopCookie) = await factory.SignInWithCookieAsync(phone.User);
        await using var phoneHub = await factory.ConnectAsync(phone);
        await using var laptopHub = await HubClient.ConnectAsync(factory.Server, laptopCookie, null, Ct);
        await phoneHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        await laptopHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        // From the laptop, sign out the other device (the row without "den här enheten").
        var devices = await laptop.GetDocumentAsync("/konto/enheter");
        var phoneSession = devices.QuerySelectorAll("tbody tr").Single(row => row.QuerySelector(".badge") is null)
            .QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var revoked = await laptop.SubmitFormAsync(devices, "/konto/enheter", new() { ["id"] = phoneSession }, formSelector: "form[action*='Revoke']");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await phoneHub.Closed.WaitAsync(Wait, Ct);
        var stillHere = await laptopHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);
        Assert.Equal("nova", stillHere.Me.Name);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_live_connection()
    {
        var space = await factory.CreateChatSpaceAsync();
        var leo = await factory.AddMemberAsync(space, "leo");
        await using var leoHub = await factory.ConnectAsync(leo);
        await leoHub.InvokeAsync<SpaceSnapshot>("JoinSpace", space.Id);

        var admin = await factory.SignInAsAdministratorAsync();
        var disabled = await admin.SubmitFormAsync($"/admin/anvandare/{leo.User.Id}", [], formSelector: "form[action*='Disable']");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await leoHub.Closed.WaitAsync(Wait, Ct);
        // And it cannot come back: the handshake is refused for the ended session.
        await Assert.ThrowsAnyAsync<Exception>(() => factory.ConnectAsync(leo));
    }
}
