namespace Samordna.Web.Platform.Jobs;

/// <summary>
/// The loop every background job shares: a pass at start, then one per <see cref="Interval"/> (or sooner when
/// <see cref="WaitForNextPassAsync"/> is woken), housekeeping once per <see cref="HousekeepingInterval"/>, and a failed
/// pass (the database briefly unreachable, say) logged and retried after a pause instead of ending the service.
/// </summary>
public abstract partial class PeriodicJobService(ILogger logger) : BackgroundService
{
    /// <summary>Whether this node runs the job at all (one node may be told to leave it to another).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the logs call the job when a pass fails.</summary>
    protected abstract string JobName { get; }

    protected virtual TimeSpan HousekeepingInterval => TimeSpan.FromHours(1);

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    /// <summary>Purges and other rare work, after the first pass and then once per <see cref="HousekeepingInterval"/>.</summary>
    protected virtual Task HousekeepingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The pause between passes; jobs with a wake-up signal return early when woken.</summary>
    protected virtual Task WaitForNextPassAsync(TimeSpan interval, CancellationToken cancellationToken) => Task.Delay(interval, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        await Task.Yield();
        var interval = Interval;
        var nextHousekeeping = TimeSpan.Zero;
        var running = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
                if (running.Elapsed >= nextHousekeeping)
                {
                    nextHousekeeping = running.Elapsed + HousekeepingInterval;
                    await HousekeepingAsync(stoppingToken);
                }
                await WaitForNextPassAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(JobName, ex);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Job} pass failed; trying again shortly.")]
    private partial void LogPassFailed(string job, Exception exception);

    private readonly ILogger logger = logger;
}

/// <summary>Wakes a job between its passes (e.g. right after a save that queued work). Waking twice is waking once.</summary>
public class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Returns when woken or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            semaphore.Dispose();
        }
    }
}
