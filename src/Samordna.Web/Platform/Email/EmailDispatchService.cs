using Microsoft.Extensions.Options;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Runs <see cref="EmailDispatcher"/> at start, whenever a save with new messages wakes it, and every
/// Email:DispatchIntervalSeconds (which also catches messages saved in a transaction committed after the save);
/// once an hour it also deletes messages past Email:RetentionDays.
/// </summary>
public sealed partial class EmailDispatchService(
    EmailDispatcher dispatcher,
    EmailDispatchSignal signal,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatchService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundDispatch)
        {
            return;
        }
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds);
        var nextPurge = TimeSpan.Zero;
        var running = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                if (running.Elapsed >= nextPurge)
                {
                    nextPurge = running.Elapsed + PurgeInterval;
                    await dispatcher.PurgeExpiredAsync(stoppingToken);
                }
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; keep the service alive and try again after a pause.
                LogPassFailed(ex);
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An e-mail dispatch pass failed; trying again shortly.")]
    private partial void LogPassFailed(Exception exception);
}
