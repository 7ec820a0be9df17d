using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Platform.Web;

public sealed class SecurityHeadersTests(SamordnaFactory factory) : IClassFixture<SamordnaFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/finns-inte")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var client = factory.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Unknown_page_is_a_Swedish_404_without_internals()
    {
        var client = factory.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/finns-inte", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Sidan finns inte", body, StringComparison.Ordinal);
        Assert.Contains("lang=\"sv\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var client = factory.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
