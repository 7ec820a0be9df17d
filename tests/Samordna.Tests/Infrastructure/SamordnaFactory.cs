using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Identity;

namespace Samordna.Tests.Infrastructure;

/// <summary>
/// The whole application on a real database: a fresh SQLite file per factory by default, or a fresh PostgreSQL
/// database when SAMORDNA_TEST_POSTGRES holds a server connection string (the test script sets it for its second run).
/// Intent methods create users and sign in through the real pages.
/// </summary>
public class SamordnaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Korrekt-Häst-Batteri-42";

    private readonly string dataDirectory;
    private readonly string? postgresServer = Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES");
    private readonly string databaseName;
    private readonly bool ownsStorage;

    public SamordnaFactory()
    {
        dataDirectory = Path.Combine(Path.GetTempPath(), "samordna-tests", Guid.NewGuid().ToString("N"));
        databaseName = "samordna_test_" + Guid.NewGuid().ToString("N")[..16];
        ownsStorage = true;
    }

    // Internal: xunit needs a class fixture to have exactly one public constructor.
    /// <summary>A second application on the storage of <paramref name="first"/>: a restart of the same installation.</summary>
    internal SamordnaFactory(SamordnaFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        dataDirectory = first.dataDirectory;
        databaseName = first.databaseName;
        ownsStorage = false;
    }

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public bool UsesPostgres => !string.IsNullOrEmpty(postgresServer);

    public string DataDirectory => dataDirectory;

    /// <summary>Extra configuration a test class needs (e.g. the environment); applied before the host starts.</summary>
    protected virtual string EnvironmentName => "Testing";

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Samordna:DataDirectory", dataDirectory);
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:FormsPerMinute", "10000");
        builder.UseSetting("Email:DispatchIntervalSeconds", "3600");
        if (UsesPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Samordna", PostgresConnectionString);
        }
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public string PostgresConnectionString => new NpgsqlConnectionStringBuilder(postgresServer) { Database = databaseName }.ConnectionString;

    public virtual async ValueTask InitializeAsync()
    {
        if (UsesPostgres && ownsStorage)
        {
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        // Starts the host, which migrates the database.
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsStorage)
        {
            GC.SuppressFinalize(this);
            return;
        }
        if (UsesPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background service; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Creates an active account. Privileged roles get an enrolled authenticator; its key is returned.</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? email = null, bool enrolTwoFactor = true, string? displayName = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@example.se";
        return await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var roles = services.GetRequiredService<RoleManager<AppRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName ?? email.Split('@')[0],
                CreatedAt = Clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            string? key = null;
            if (enrolTwoFactor && Roles.Privileged.Contains(role))
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            return new TestUser(user.Id, email, Password, key);
        });
    }

    public Task<TestUser> CreateStaffAsync() => CreateUserAsync(Roles.Staff);

    public Task<TestUser> CreateAdministratorAsync() => CreateUserAsync(Roles.Administrator);

    public Task<TestUser> CreateEditorAsync() => CreateUserAsync(Roles.Editor);

    /// <summary>Signs in through the login page (and the two-factor page when the account has it). Returns the client.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = CreateBrowserClient();
        var response = await client.SubmitFormAsync("/konto/logga-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        if (user.AuthenticatorKey is not null)
        {
            EnsureRedirect(response, "/konto/logga-in/tvasteg");
            response = await client.SubmitFormAsync(response.Headers.Location!.OriginalString, new()
            {
                ["Input.Code"] = Totp.Code(user.AuthenticatorKey, TimeProvider.System.GetUtcNow()),
            });
        }
        EnsureRedirect(response, null);
        return client;
    }

    public async Task<HttpClient> SignInAsStaffAsync() => await SignInAsync(await CreateStaffAsync());

    public async Task<HttpClient> SignInAsAdministratorAsync() => await SignInAsync(await CreateAdministratorAsync());

    public async Task<HttpClient> SignInAsEditorAsync() => await SignInAsync(await CreateEditorAsync());

    private static void EnsureRedirect(HttpResponseMessage response, string? startsWith)
    {
        if ((int)response.StatusCode is < 300 or > 399 ||
            (startsWith is not null && response.Headers.Location?.OriginalString.StartsWith(startsWith, StringComparison.Ordinal) != true))
        {
            throw new InvalidOperationException($"Expected a redirect{(startsWith is null ? "" : " to " + startsWith)}, got {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TestUser(Guid Id, string Email, string Password, string? AuthenticatorKey);
