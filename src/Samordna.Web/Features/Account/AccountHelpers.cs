namespace Samordna.Web.Features.Account;

internal static class AccountHelpers
{
    /// <summary>Only local paths are followed after sign-in; anything else goes to the account page.</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback = "/konto") =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : fallback;
}
