using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Samordna.Web.Features.DropIn.Chat;

/// <summary>A token bucket per member: <see cref="ChatOptions.MessagesBurst"/> at once, then <see cref="ChatOptions.MessagesPerSecond"/>.</summary>
public sealed class ChatRateLimiter(IOptionsMonitor<ChatOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<int, Bucket> buckets = new();

    public bool TryTake(int memberId)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        if (buckets.Count > PruneAbove)
        {
            Prune(now, settings);
        }
        var bucket = buckets.GetOrAdd(memberId, _ => new Bucket(settings.MessagesBurst, now));
        lock (bucket)
        {
            bucket.Refill(now, settings);
            if (bucket.Tokens < 1)
            {
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }

    /// <summary>Drops buckets that have filled up again: they behave exactly like new ones.</summary>
    private void Prune(DateTimeOffset now, ChatOptions settings)
    {
        foreach (var (id, bucket) in buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, settings);
                if (bucket.Tokens >= settings.MessagesBurst)
                {
                    buckets.TryRemove(id, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        private DateTimeOffset At { get; set; } = at;

        public void Refill(DateTimeOffset now, ChatOptions settings)
        {
            var elapsed = (now - At).TotalSeconds;
            if (elapsed > 0)
            {
                Tokens = Math.Min(settings.MessagesBurst, Tokens + (elapsed * settings.MessagesPerSecond));
                At = now;
            }
        }
    }
}
