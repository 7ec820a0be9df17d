using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Data;
using Samordna.Web.Platform.Jobs;

namespace Samordna.Web.Features.DropIn;

/// <summary>How long the drop-in keeps what young people write ("DropIn:Retention").</summary>
public sealed class DropInRetentionOptions
{
    public const string Section = "DropIn:Retention";

    /// <summary>
    /// Days a chat message is kept before it is deleted; 0 keeps everything. A drop-in conversation is a public
    /// record of little lasting value that the förbund may cull (gallra) under its document management plan; a year
    /// lets staff look back on a term without keeping young people's words for ever.
    /// </summary>
    public int MessageDays { get; set; } = 365;

    /// <summary>Whether this node runs the retention job (off in tests that drive it by hand).</summary>
    public bool BackgroundJobs { get; set; } = true;
}

internal sealed class DropInRetentionOptionsValidator : IValidateOptions<DropInRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, DropInRetentionOptions options) =>
        options.MessageDays is < 0 or > 36_500
            ? ValidateOptionsResult.Fail("DropIn:Retention:MessageDays must be between 0 (keep everything) and 36500.")
            : ValidateOptionsResult.Success;
}

/// <summary>Deletes chat messages past their retention, in batches so a large backlog never holds a long lock.</summary>
public sealed partial class DropInRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<DropInRetentionOptions> options, ILogger<DropInRetention> logger)
{
    private const int BatchSize = 1000;

    /// <summary>Deletes the messages sent before the cutoff; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.MessageDays;
        if (days == 0)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().AddDays(-days);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Set<ChatMessage>().Where(m => m.SentAt < cutoff).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            total += await db.Set<ChatMessage>().Where(m => batch.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (total > 0)
        {
            LogPurged(total, days);
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} drop-in message(s) older than {Days} days (DropIn:Retention:MessageDays).")]
    private partial void LogPurged(int count, int days);
}

internal sealed class DropInRetentionService(DropInRetention retention, IOptions<DropInRetentionOptions> options, ILogger<DropInRetentionService> logger) : PeriodicJobService(logger)
{
    protected override bool Enabled => options.Value.BackgroundJobs;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string JobName => "drop-in retention";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => retention.PurgeAsync(cancellationToken);
}
