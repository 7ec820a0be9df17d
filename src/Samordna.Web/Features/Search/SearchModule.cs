using Samordna.Web.Platform.Search;
using Samordna.Web.Platform.Web;

namespace Samordna.Web.Features.Search;

/// <summary>
/// The site search at /sok, and the platform's search index it reads (Platform/Search). The areas feed the index
/// themselves (news, pages and documents register an <see cref="ISearchSource"/> and call <see cref="ISearchIndex"/>).
/// </summary>
public static class SearchModule
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSearchIndex();
        builder.Services.AddSingleton(new EnglishTexts(SearchEnglish.Texts));
        return builder;
    }

    /// <summary>Everything is a Razor Page; nothing else to map.</summary>
    public static WebApplication MapSearch(this WebApplication app) => app;
}
