using System.Net;
using Samordna.Tests.Infrastructure;

namespace Samordna.Tests.Features.DropIn.Chat;

/// <summary>The benchmark's bare broadcast hub has no authentication, so it exists only when a benchmark asks for it.</summary>
public sealed class BareHubTests(BareHubTests.BenchFactory bench, SamordnaFactory plain) : IClassFixture<BareHubTests.BenchFactory>, IClassFixture<SamordnaFactory>
{
    public sealed class BenchFactory : SamordnaFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Bench:BareHub", "true")];
    }

    private const string Negotiate = "/hubs/bench-bare/negotiate?negotiateVersion=1";

    [Fact]
    public async Task The_bare_hub_is_not_mapped_by_default()
    {
        var response = await plain.CreateClient().PostAsync(new Uri(Negotiate, UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_bare_hub_answers_when_a_benchmark_turns_it_on()
    {
        var response = await bench.CreateClient().PostAsync(new Uri(Negotiate, UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
