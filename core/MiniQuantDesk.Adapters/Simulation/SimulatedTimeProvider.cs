namespace MiniQuantDesk.Adapters.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> that reads the simulated market's clock: "now" is market time and timers
/// run <see cref="SimulatedClock.Speed"/> times faster. Timestamps (elapsed-time measurement) stay real, and
/// network timeouts must keep using the real clock: only decisions and schedules run on market time.
/// </summary>
public sealed class SimulatedTimeProvider(SimulatedClock clock, TimeProvider real) : TimeProvider
{
    public SimulatedClock Clock { get; } = clock;

    public override DateTimeOffset GetUtcNow() => Clock.Now(real);

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    // The longest due time a real timer takes (uint.MaxValue - 1 ms, about 49.7 days): a slow market (speed 0.001)
    // scales a weekend's wait beyond it, and the timer would throw instead of waiting.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero
            ? span
            : TimeSpan.FromTicks(Math.Clamp((long)Math.Min(span.Ticks / (double)Clock.Speed, LongestTimer.Ticks), 1, LongestTimer.Ticks));
}
