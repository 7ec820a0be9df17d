using System.Security.Cryptography;

namespace Samordna.Web.Features.Events;

/// <summary>Addresses and secrets of the calendar.</summary>
public static class EventLinks
{
    /// <summary>"https://example.se" + "/kalender/x" without a doubled or missing slash.</summary>
    public static string Absolute(string baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(path);
        return baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
    }

    /// <summary>The site address of the current request (scheme, host and path base).</summary>
    public static string BaseUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>
    /// 256 random bits as 64 lower-case hex digits: the secret of a personal registration link. Lower case, since
    /// the site generates lower-case addresses (RouteOptions.LowercaseUrls) and a mixed-case token would break.
    /// </summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>120 random bits as 30 lower-case hex digits: the code in an invitation link.</summary>
    public static string NewInviteCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(15));
}

/// <summary>Who counts as a member for members-only events.</summary>
public static class EventAccess
{
    /// <summary>
    /// People with a staff, editor or administrator account: the förbund's and the member organisations' staff.
    /// Participants' accounts (young people in the drop-in) do not make them members.
    /// </summary>
    public static bool IsMember(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && Platform.Identity.Roles.Privileged.Any(user.IsInRole);
    }
}
