using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Tests.Domain.Ml;

/// <summary>A prediction is scored only once its horizon has passed, against the bar horizon minutes later.</summary>
public sealed class PredictionOutcomeTests
{
    private static readonly DateTimeOffset Open = new(2019, 2, 12, 14, 30, 0, TimeSpan.Zero); // 09:30 ET

    private static Bar At(int minute, decimal close) => new("SPY", Open.AddMinutes(minute), close, close, close, close, 100);

    [Fact]
    public void Not_due_before_the_horizon_even_when_later_bars_are_at_hand()
    {
        Bar[] window = [.. Enumerable.Range(0, 11).Select(m => At(m, 100m + m))];
        var made = Open.AddMinutes(2);

        Assert.Equal(PredictionOutcome.NotDue, PredictionOutcome.Resolve(made, 5, window, Open.AddMinutes(6)));
        var due = PredictionOutcome.Resolve(made, 5, window, Open.AddMinutes(7));

        Assert.True(due.IsScored);
        Assert.Equal(Open.AddMinutes(7), due.OutcomeBarStart);
        Assert.Equal((double)(107m / 102m - 1m), due.Return);
    }

    [Fact]
    public void A_missing_minute_uses_the_last_bar_within_the_horizon()
    {
        Bar[] window = [At(0, 100m), At(1, 101m), At(3, 99m), At(6, 104m)];
        var outcome = PredictionOutcome.Resolve(Open, 5, window, Open.AddMinutes(6));

        Assert.Equal(Open.AddMinutes(3), outcome.OutcomeBarStart);
        Assert.Equal(-0.01, outcome.Return!.Value, 12);
    }

    [Fact]
    public void Unscorable_when_the_session_ends_or_the_bar_left_the_window()
    {
        var last = new Bar("SPY", new DateTimeOffset(2019, 2, 12, 20, 59, 0, TimeSpan.Zero), 1, 1, 1, 1, 1); // 15:59 ET
        var nextMorning = new Bar("SPY", new DateTimeOffset(2019, 2, 13, 14, 30, 0, TimeSpan.Zero), 2, 2, 2, 2, 1);

        Assert.Equal(PredictionOutcome.Unscorable, PredictionOutcome.Resolve(last.Start, 5, [last, nextMorning], nextMorning.Start));
        Assert.Equal(PredictionOutcome.Unscorable, PredictionOutcome.Resolve(Open, 5, [At(4, 1m), At(5, 1m)], Open.AddMinutes(5)));
    }
}
