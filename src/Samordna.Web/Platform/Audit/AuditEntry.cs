using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samordna.Web.Platform.Audit;

/// <summary>
/// One line in the append-only audit log: sign-ins and failures, role changes, disabled accounts, invites, and
/// reads and exports of personal data. Rows are only ever inserted; database triggers refuse updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }

    /// <summary>Who did it, as shown then (e-mail or name); kept even if the account is later removed.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>A stable code such as "signin.failed"; see <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }

    /// <summary>Human-readable detail in Swedish. Never a personal identity number, password or token.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

public static class AuditActions
{
    public const string SignIn = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.lockedout";
    public const string SignInRefused = "signin.refused";
    public const string SignOut = "signout";
    public const string SignOutEverywhere = "signout.everywhere";
    public const string SessionRevoked = "session.revoked";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorReset = "2fa.reset";
    public const string RecoveryCodeUsed = "2fa.recoverycode";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string PasswordResetRequested = "password.resetrequested";
    public const string UserInvited = "user.invited";
    public const string UserActivated = "user.activated";
    public const string RoleAdded = "role.added";
    public const string RoleRemoved = "role.removed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string FirstAdministratorCreated = "setup.firstadmin";
    public const string PersonalDataRead = "personaldata.read";
    public const string PersonalDataExported = "personaldata.exported";

    public static string SwedishName(string action) => action switch
    {
        SignIn => "Inloggning",
        SignInFailed => "Misslyckad inloggning",
        SignInLockedOut => "Kontot spärrat efter för många försök",
        SignInRefused => "Inloggning nekad (avstängt konto)",
        SignOut => "Utloggning",
        SignOutEverywhere => "Utloggning på alla enheter",
        SessionRevoked => "Enhet utloggad",
        TwoFactorEnabled => "Tvåstegsverifiering aktiverad",
        TwoFactorReset => "Tvåstegsverifiering återställd",
        RecoveryCodeUsed => "Återställningskod använd",
        PasswordChanged => "Lösenord bytt",
        PasswordReset => "Lösenord återställt",
        PasswordResetRequested => "Återställning av lösenord begärd",
        UserInvited => "Användare inbjuden",
        UserActivated => "Inbjudan använd, konto aktiverat",
        RoleAdded => "Roll tillagd",
        RoleRemoved => "Roll borttagen",
        UserDisabled => "Konto avstängt",
        UserEnabled => "Konto återaktiverat",
        FirstAdministratorCreated => "Första administratören skapad",
        PersonalDataRead => "Personuppgifter lästa",
        PersonalDataExported => "Personuppgifter exporterade",
        _ => action,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(128);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
