using Microsoft.AspNetCore.Identity;

namespace Samordna.Web.Platform.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>Name shown to others: a staff member's name, or a participant's pseudonym.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in and its sessions end at once.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}

/// <summary>The platform's roles. Later areas may add capabilities to them, not new meanings.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Staff = "Staff";
    public const string Participant = "Participant";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Staff, Participant];

    /// <summary>Roles that reach other people's data and therefore must use two-factor authentication.</summary>
    public static readonly IReadOnlyList<string> Privileged = [Administrator, Editor, Staff];

    public static string SwedishName(string role) => role switch
    {
        Administrator => "Administratör",
        Editor => "Redaktör",
        Staff => "Personal",
        Participant => "Deltagare",
        _ => role,
    };
}
