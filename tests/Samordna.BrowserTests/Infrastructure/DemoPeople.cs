namespace Samordna.BrowserTests.Infrastructure;

/// <summary>Who visits a page in a test.</summary>
public enum Visitor
{
    Anonymous,
    Staff,
    Administrator,
    Participant,
}

/// <summary>A demo account as a person would type it in: the sign-in, the shared demo password and the demo authenticator key.</summary>
public sealed record DemoPerson(string SignIn, string DisplayName, bool UsesAuthenticator = true)
{
    public const string Password = "Samordna-demo-2026";

    /// <summary>The published demo authenticator key (RFC 6238, SHA-1, 6 digits, 30 s) of every privileged demo account.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Staff (HOPPET coordinator); the sign-in tests use her, and only them.</summary>
    public static readonly DemoPerson Tina = new("tina.claesson@demo.samordna.se", "Tina Claesson");

    /// <summary>Staff (Resursteam coordinator); page scans sign in as her, so they never share a sign-in with the sign-in tests.</summary>
    public static readonly DemoPerson Maria = new("maria.anger@demo.samordna.se", "Maria Anger");

    /// <summary>The administrator.</summary>
    public static readonly DemoPerson Anna = new("admin@demo.samordna.se", "Anna Lindqvist");

    /// <summary>A young participant of the drop-in, signed in by pseudonym, without two-factor.</summary>
    public static readonly DemoPerson Nova = new("nova", "Nova", UsesAuthenticator: false);

    /// <summary>The account the page scans use for a visitor.</summary>
    public static DemoPerson For(Visitor visitor) => visitor switch
    {
        Visitor.Staff => Maria,
        Visitor.Administrator => Anna,
        Visitor.Participant => Nova,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, "An anonymous visitor has no account."),
    };
}
