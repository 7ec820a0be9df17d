using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.DropIn.Invites;

/// <summary>The application with a low form limit, to see the invite and join forms refuse a flood.</summary>
public sealed class LowFormLimitFactory : SamordnaFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:FormsPerMinute", "3")];
}

public sealed class InviteRateLimitTests(LowFormLimitFactory factory) : IClassFixture<LowFormLimitFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_of_join_attempts_is_refused_with_a_Swedish_message()
    {
        var space = await factory.CreateSpaceAsync();
        var (_, token) = await factory.CreateInviteAsync(space);
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync(DropInTestData.JoinPath(token));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.SubmitFormAsync(document, DropInTestData.JoinPath(token), new() { ["Input.Pseudonym"] = "x" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("För många försök", await last!.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Looking at the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(DropInTestData.JoinPath(token), UriKind.Relative), Ct)).StatusCode);
    }
}
