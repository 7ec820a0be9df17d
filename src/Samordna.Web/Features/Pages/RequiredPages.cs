namespace Samordna.Web.Features.Pages;

/// <summary>
/// The pages every installation must have, at fixed Swedish addresses. They can be edited but not deleted; the
/// default content seeder recreates any that are missing. Other pages live at /sida/{slug}.
/// </summary>
public static class RequiredPages
{
    public const string About = "om";
    public const string Contact = "kontakt";
    public const string Accessibility = "tillganglighet";
    public const string Privacy = "personuppgifter";
    public const string Cookies = "cookies";

    /// <summary>In the order the editor's list shows them.</summary>
    public static readonly IReadOnlyList<string> Slugs = [About, Contact, Accessibility, Privacy, Cookies];

    public const string CustomPrefix = "/sida/";

    public static bool IsRequired(string? slug) => slug is not null && Slugs.Contains(slug, StringComparer.Ordinal);

    public static string PathOf(string slug) => IsRequired(slug) ? "/" + slug : CustomPrefix + slug;

    /// <summary>The slug of a required page from a request path such as "/om" or "/Om/"; null when it is not one.</summary>
    public static string? FromPath(string? path)
    {
        var candidate = (path ?? "").Trim('/').ToLowerInvariant();
        return IsRequired(candidate) ? candidate : null;
    }
}
