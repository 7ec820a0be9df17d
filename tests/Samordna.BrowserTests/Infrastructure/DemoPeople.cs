namespace Samordna.BrowserTests.Infrastructure;

/// <summary>Who visits a page in a test.</summary>
public enum Visitor
{
    Anonymous,
    Staff,
    Administrator,
}

/// <summary>A demo account as a person would type it in: the sign-in, the shared demo password and the demo authenticator key.</summary>
public sealed record DemoPerson(string SignIn, string DisplayName)
{
    public const string Password = "Samordna-demo-2026";

    /// <summary>The published demo authenticator key (RFC 6238, SHA-1, 6 digits, 30 s) of every privileged demo account.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static readonly DemoPerson Staff = new("tina.claesson@demo.samordna.se", "Tina Claesson");

    public static readonly DemoPerson Administrator = new("admin@demo.samordna.se", "Anna Lindqvist");

    public static DemoPerson For(Visitor visitor) => visitor switch
    {
        Visitor.Staff => Staff,
        Visitor.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, "An anonymous visitor has no account."),
    };
}
