using Microsoft.EntityFrameworkCore;
using Samordna.Web.Platform.Data;

namespace Samordna.Web.Platform.Demo;

/// <summary>Content every installation needs (e.g. the required pages). Runs at each start and must be idempotent.</summary>
public interface IDefaultContentSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// One area's demo content, loaded once into an empty database in Development (or when Samordna:SeedDemoContent is
/// true). Lower <see cref="Order"/> runs first: accounts (0), then the areas that refer to them.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Lines the demo seeders want printed at start-up (sign-ins, two-factor keys).</summary>
public sealed class DemoNotes
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public void Add(string line) => lines.Add(line);
}

public static class SeedingExtensions
{
    public static IServiceCollection AddDefaultContentSeeder<T>(this IServiceCollection services) where T : class, IDefaultContentSeeder =>
        services.AddScoped<IDefaultContentSeeder, T>();

    public static IServiceCollection AddDemoSeeder<T>(this IServiceCollection services) where T : class, IDemoSeeder =>
        services.AddScoped<IDemoSeeder, T>();

    /// <summary>Default content always; demo content only into an empty database and only when enabled.</summary>
    public static async Task SeedAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        foreach (var seeder in services.GetServices<IDefaultContentSeeder>())
        {
            await seeder.SeedAsync(services, cancellationToken);
        }

        var enabled = app.Configuration.GetValue<bool?>("Samordna:SeedDemoContent") ?? app.Environment.IsDevelopment();
        if (!enabled)
        {
            return;
        }
        var db = services.GetRequiredService<AppDbContext>();
        var notes = services.GetRequiredService<DemoNotes>();
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(services, cancellationToken);
            }
        }
        else
        {
            notes.Add("Databasen har redan innehåll; demodata lästes inte in igen. Ta bort data/ för att börja om.");
        }
        if (notes.Lines.Count > 0)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Samordna.Demo");
            var text = string.Join(Environment.NewLine, notes.Lines);
            // Printed plainly (not only logged) so a newcomer sees it right above "Now listening on".
            Console.WriteLine();
            Console.WriteLine(text);
            Console.WriteLine();
            logger.LogInformation("Demo content ready.");
        }
    }
}
