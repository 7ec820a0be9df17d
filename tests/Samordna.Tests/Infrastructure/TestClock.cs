namespace Samordna.Tests.Infrastructure;

/// <summary>A TimeProvider the test moves by hand (FakeTimeProvider is not in the registry here).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    private readonly Lock gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now = now.Add(by);
        }
    }

    public void Set(DateTimeOffset instant)
    {
        lock (gate)
        {
            now = instant;
        }
    }
}
