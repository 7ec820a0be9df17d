using Microsoft.Extensions.Options;
using Samordna.Web.Platform.Jobs;

namespace Samordna.Web.Platform.Email;

/// <summary>
/// Runs <see cref="EmailDispatcher"/> at start, whenever a save with new messages wakes it, and every
/// Email:DispatchIntervalSeconds (which also catches messages saved in a transaction committed after the save);
/// once an hour it also deletes messages past Email:RetentionDays.
/// </summary>
public sealed class EmailDispatchService(
    EmailDispatcher dispatcher,
    EmailDispatchSignal signal,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatchService> logger) : PeriodicJobService(logger)
{
    protected override bool Enabled => options.Value.BackgroundDispatch;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds);

    protected override string JobName => "e-mail dispatch";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);

    protected override Task HousekeepingAsync(CancellationToken cancellationToken) => dispatcher.PurgeExpiredAsync(cancellationToken);

    protected override Task WaitForNextPassAsync(TimeSpan interval, CancellationToken cancellationToken) => signal.WaitAsync(interval, cancellationToken);
}
