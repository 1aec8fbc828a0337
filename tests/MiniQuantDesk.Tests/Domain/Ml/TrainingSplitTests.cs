using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Tests.Domain.Ml;

/// <summary>Labels use t + horizon, features only bars up to t, and the held-out part starts after every training label.</summary>
public sealed class TrainingSplitTests
{
    private const int Horizon = 5;

    private static readonly IReadOnlyList<Bar> Bars = [.. Fixture.Bars("1min/SPY.csv", "SPY"), .. Fixture.Bars("1min/AAPL.csv", "AAPL")];

    [Fact]
    public void No_training_label_reaches_into_the_held_out_part()
    {
        var examples = TrainingSet.Build(Bars, FeatureSetDefinition.Default, Horizon);
        var split = TimeOrderedSplit.Split(examples, 0.2);

        Assert.NotEmpty(split.Training);
        Assert.NotEmpty(split.HeldOut);
        Assert.True(split.Training.Max(e => e.OutcomeBarStart) < split.HeldOutFrom);
        Assert.True(split.HeldOut.Min(e => e.BarStart) >= split.HeldOutFrom);
        Assert.Equal(split.HeldOutFrom, split.HeldOut.Min(e => e.BarStart));
        // Every example is in exactly one part or purged because its horizon straddles the cut.
        Assert.Equal(examples.Count, split.Training.Count + split.HeldOut.Count + split.Purged);
        Assert.All(examples.Except(split.Training).Except(split.HeldOut), e => Assert.True(e.BarStart < split.HeldOutFrom && e.OutcomeBarStart >= split.HeldOutFrom));
        Assert.InRange(split.Purged, 1, 2 * Horizon);
        Assert.InRange(split.HeldOut.Count / (double)examples.Count, 0.18, 0.22);
    }

    [Fact]
    public void Features_at_t_are_those_of_the_bars_up_to_t_and_the_label_is_the_close_horizon_minutes_later()
    {
        var examples = TrainingSet.Build(Bars, FeatureSetDefinition.Default, Horizon);
        var bySymbol = Bars.GroupBy(b => b.Symbol).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Start).ToList());
        var exactHorizon = 0;
        foreach (var example in examples.Where((_, i) => i % 37 == 0))
        {
            var series = bySymbol[example.Symbol];
            var upToT = series.TakeWhile(b => b.Start <= example.BarStart).ToList();
            Assert.Equal(FeatureBuilder.AtLastBar(upToT, FeatureSetDefinition.Default)!.Values, example.Features);

            var entry = series.Single(b => b.Start == example.BarStart);
            var later = series.SingleOrDefault(b => b.Start == example.BarStart.AddMinutes(Horizon));
            if (later != default)
            {
                exactHorizon++;
                Assert.Equal(later.Start, example.OutcomeBarStart);
                Assert.Equal((double)(later.Close / entry.Close - 1m), example.Return);
                Assert.Equal(later.Close > entry.Close, example.Up);
            }

            Assert.InRange(example.OutcomeBarStart, example.BarStart.AddMinutes(1), example.BarStart.AddMinutes(Horizon));
        }

        Assert.True(exactHorizon > 100, $"only {exactHorizon} sampled examples had the bar exactly {Horizon} minutes later");
    }

    [Fact]
    public void The_last_minutes_of_a_session_have_no_label_across_the_night()
    {
        var examples = TrainingSet.Build(Fixture.Bars("1min/SPY.csv", "SPY"), FeatureSetDefinition.Default, Horizon);
        // 15:59 ET on 2019-02-11 is 20:59Z; its horizon would end in the next session.
        Assert.DoesNotContain(examples, e => e.BarStart == new DateTimeOffset(2019, 2, 11, 20, 59, 0, TimeSpan.Zero));
        Assert.All(examples, e => Assert.Equal(NewYorkTime.SessionDate(e.BarStart), NewYorkTime.SessionDate(e.OutcomeBarStart)));
    }

    [Fact]
    public void A_split_that_leaves_a_part_empty_is_refused()
    {
        var examples = TrainingSet.Build(Fixture.Bars("1min/SPY.csv", "SPY").Take(60).ToList(), FeatureSetDefinition.Default, Horizon);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeOrderedSplit.Split(examples, 1.0));
        Assert.Throws<ArgumentException>(() => TimeOrderedSplit.Split(examples.Take(1).ToList(), 0.5));
    }
}
