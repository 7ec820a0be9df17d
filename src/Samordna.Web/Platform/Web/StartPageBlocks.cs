using Microsoft.AspNetCore.Mvc;

namespace Samordna.Web.Platform.Web;

/// <summary>
/// The start page's slots. Each area registers a view component of its own (latest news, upcoming events, drop-in
/// opening hours, newsletter sign-up …) with an order; the start page renders them without knowing their tables.
/// </summary>
public sealed class StartPageBlocks(IEnumerable<StartPageBlock> blocks)
{
    public IReadOnlyList<StartPageBlock> InOrder { get; } = blocks.OrderBy(b => b.Order).ToList();
}

public sealed record StartPageBlock(Type ViewComponent, int Order);

public static class StartPageBlockExtensions
{
    public static IServiceCollection AddStartPageBlock<TComponent>(this IServiceCollection services, int order)
        where TComponent : ViewComponent =>
        services.AddSingleton(new StartPageBlock(typeof(TComponent), order));
}
