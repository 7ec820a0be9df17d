using Microsoft.AspNetCore.Identity;
using Samordna.Web.Platform.Demo;
using Samordna.Web.Platform.Identity;

namespace Samordna.Web.Features.Account;

/// <summary>The four roles exist in every installation.</summary>
internal sealed class RolesSeeder(RoleManager<AppRole> roles) : IDefaultContentSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
    }
}

/// <summary>
/// Demo staff of a förbund (Sigtuna, Upplands Väsby, Vallentuna): an administrator, an editor (the communications
/// officer and media contact), HOPPET's coordinator and a Resursteam coordinator, and a young participant.
/// Privileged accounts share the published demo authenticator key.
/// </summary>
internal sealed class AccountDemoSeeder(UserManager<AppUser> users, TimeProvider time, DemoNotes notes) : IDemoSeeder
{
    public int Order => 0;

    public static readonly (string UserName, string Email, string Name, string Role)[] People =
    [
        ("admin@demo.samordna.se", "admin@demo.samordna.se", "Anna Lindqvist", Roles.Administrator),
        ("kipa.poikolainen@demo.samordna.se", "kipa.poikolainen@demo.samordna.se", "Kipa Poikolainen", Roles.Editor),
        ("tina.claesson@demo.samordna.se", "tina.claesson@demo.samordna.se", "Tina Claesson", Roles.Staff),
        ("maria.anger@demo.samordna.se", "maria.anger@demo.samordna.se", "Maria Anger", Roles.Staff),
        ("nova", "", "Nova", Roles.Participant),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var (userName, email, name, role) in People)
        {
            var user = new AppUser
            {
                UserName = userName,
                Email = string.IsNullOrEmpty(email) ? null : email,
                EmailConfirmed = !string.IsNullOrEmpty(email),
                DisplayName = name,
                CreatedAt = time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, role));
            if (Roles.Privileged.Contains(role))
            {
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }
        notes.Add("""
            ================================================================
             Samordna – demo (utvecklingsläge)
             Öppna http://localhost:5080 och logga in:
               Administratör: admin@demo.samordna.se
               Redaktör:      kipa.poikolainen@demo.samordna.se
               Personal:      tina.claesson@demo.samordna.se
               Deltagare:     nova
             Lösenord för alla: Samordna-demo-2026
             Tvåstegsverifiering (personal): sidan för koden visar den
             aktuella demokoden. Vill du använda en app: nyckel
             JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP (TOTP, 6 siffror, 30 s),
             eller: oathtool --totp -b JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
             E-post som systemet skickar: /admin/e-post (som administratör).
            ================================================================
            """);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
