using Microsoft.Extensions.Time.Testing;
using MiniQuantDesk.Adapters.Simulation;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Real = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Market = new(2019, 2, 12, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Market_time_is_the_epoch_plus_real_elapsed_times_speed()
    {
        var clock = new SimulatedClock(Real, Market, 60m);
        var real = new FakeTimeProvider(Real);

        real.Advance(TimeSpan.FromSeconds(90.5));

        // 90.5 real seconds × 60 = 5430 s = 1 h 30 min 30 s after 09:30 ET.
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 16, 0, 30, TimeSpan.Zero), clock.Now(real));
    }

    [Fact]
    public void Format_and_parse_round_trip_and_the_setting_reads_as_documented()
    {
        var clock = new SimulatedClock(Real.AddTicks(1234567), Market, 37.5m);

        var text = clock.Format();
        var back = SimulatedClock.Parse(text);

        Assert.Equal("2026-03-02T15:00:00.1234567Z|2019-02-12T14:30:00.0000000Z|37.5", text);
        Assert.Equal(clock, back);
        Assert.Equal(clock.RealEpoch, back.RealEpoch);
        Assert.Equal(clock.MarketEpoch, back.MarketEpoch);
        Assert.Equal(clock.Speed, back.Speed);
    }

    [Fact]
    public void Two_processes_with_the_same_three_numbers_read_the_same_now()
    {
        var first = SimulatedClock.StartingNow(new FakeTimeProvider(Real), Market, 60m);
        var second = SimulatedClock.Parse(first.Format());

        // Each "process" has its own real clock; they agree whenever the real clocks do.
        var clockA = new FakeTimeProvider(Real);
        var clockB = new FakeTimeProvider(Real);
        foreach (var step in new[] { 0.001, 1.0, 59.999, 3600.0 })
        {
            clockA.Advance(TimeSpan.FromSeconds(step));
            clockB.Advance(TimeSpan.FromSeconds(step));
            Assert.Equal(first.Now(clockA), second.Now(clockB));
        }
    }

    [Fact]
    public void RealInstantOf_inverts_the_mapping()
    {
        var clock = new SimulatedClock(Real, Market, 60m);
        var target = Market.AddMinutes(12);

        var real = clock.RealInstantOf(target);

        Assert.Equal(Real.AddSeconds(12), real);
        Assert.Equal(target, clock.At(real));
    }

    [Theory]
    [InlineData("", "must be '<realEpochIso>|<marketEpochIso>|<speed>'")]
    [InlineData("2026-03-02T15:00:00Z|2019-02-12T14:30:00Z", "must be '<realEpochIso>|<marketEpochIso>|<speed>'")]
    [InlineData("yesterday|2019-02-12T14:30:00Z|60", "real epoch 'yesterday'")]
    [InlineData("2026-03-02T15:00:00Z|soon|60", "market epoch 'soon'")]
    [InlineData("2026-03-02T15:00:00Z|2019-02-12T14:30:00Z|0", "speed must be a number > 0, was '0'")]
    [InlineData("2026-03-02T15:00:00Z|2019-02-12T14:30:00Z|fast", "speed must be a number > 0, was 'fast'")]
    public void A_bad_setting_is_refused_naming_the_part(string text, string expected)
    {
        Assert.False(SimulatedClock.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith(SimulatedClock.EnvironmentVariable, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SimulatedClock.Parse(text));
    }
}
