using Samordna.Web.Platform.Demo;

namespace Samordna.Web.Features.Events;

/// <summary>Demo calendar.</summary>
internal sealed class EventsDemoSeeder : IDemoSeeder
{
    public int Order => 30;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
