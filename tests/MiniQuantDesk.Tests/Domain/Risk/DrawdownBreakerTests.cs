using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

public sealed class DrawdownBreakerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly RiskOptions Options = new() { MaxDailyDrawdownPct = 3m, MaxDrawdownPct = 10m };

    [Theory]
    [InlineData(97_000.01, false)]
    [InlineData(97_000, true)]
    public void The_day_limit_trips_at_the_limit(decimal equity, bool trips)
    {
        var reading = DrawdownBreaker.Read(equity, new EquityPeaks(100_000m, 100_000m), Options);
        Assert.Equal(trips, reading.ShouldTrip);
        Assert.Equal(trips, reading.DayLimitReached);
        Assert.False(reading.AllTimeLimitReached);
    }

    [Fact]
    public void The_reading_reports_both_drawdowns_in_percent()
    {
        // Day: (102,000 − 99,000) / 102,000 = 2.9412 %; all-time: (110,000 − 99,000) / 110,000 = 10 %.
        var reading = DrawdownBreaker.Read(99_000m, new EquityPeaks(102_000m, 110_000m), Options);
        Assert.Equal(2.9412m, reading.DayDrawdownPct);
        Assert.Equal(10m, reading.AllTimeDrawdownPct);
        Assert.True(reading.AllTimeLimitReached);
        Assert.Contains("10% below the all-time peak $110,000.00", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equity_above_its_peaks_is_no_drawdown()
    {
        var reading = DrawdownBreaker.Read(120_000m, new EquityPeaks(100_000m, 110_000m), Options);
        Assert.Equal(0m, reading.DayDrawdownPct);
        Assert.False(reading.ShouldTrip);
        Assert.Null(reading.Reason);
    }

    [Fact]
    public void Once_tripped_it_stays_tripped_when_equity_recovers_until_a_person_rearms_it()
    {
        var peaks = new EquityPeaks(100_000m, 100_000m);
        var state = DrawdownBreaker.Advance(DrawdownBreakerState.Armed, 96_000m, peaks, Options, T0);
        Assert.True(state.IsTripped);
        Assert.Equal(T0, state.TrippedAt);

        var recovered = DrawdownBreaker.Advance(state, 101_000m, peaks.Observe(101_000m), Options, T0.AddHours(1));
        Assert.True(recovered.IsTripped);
        Assert.Equal(T0, recovered.TrippedAt); // the first trip is kept

        var rearmed = recovered.Rearm(T0.AddHours(2), "trader");
        Assert.False(rearmed.IsTripped);
        Assert.Equal("trader", rearmed.RearmedBy);
    }

    [Fact]
    public void Rearming_without_rebasing_the_peaks_trips_again_and_rebasing_does_not()
    {
        var peaks = new EquityPeaks(100_000m, 100_000m);
        var rearmed = DrawdownBreakerState.Armed.Trip(T0, "test").Rearm(T0.AddHours(1), "trader");

        Assert.True(DrawdownBreaker.Advance(rearmed, 96_000m, peaks, Options, T0.AddHours(1)).IsTripped);
        Assert.False(DrawdownBreaker.Advance(rearmed, 96_000m, EquityPeaks.RebasedTo(96_000m), Options, T0.AddHours(1)).IsTripped);
    }

    [Fact]
    public void Rearming_an_armed_breaker_changes_nothing()
    {
        Assert.Same(DrawdownBreakerState.Armed, DrawdownBreakerState.Armed.Rearm(T0, "trader"));
    }

    [Fact]
    public void Peaks_rise_with_equity_and_the_day_peak_restarts_each_day()
    {
        var peaks = new EquityPeaks(100m, 120m).Observe(110m);
        Assert.Equal(new EquityPeaks(110m, 120m), peaks);
        Assert.Equal(new EquityPeaks(90m, 120m), peaks.StartDay(90m));
    }
}
