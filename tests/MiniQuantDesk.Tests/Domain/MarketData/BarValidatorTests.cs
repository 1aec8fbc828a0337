using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.MarketData;

public sealed class BarValidatorTests
{
    private static readonly DateTimeOffset Start = new(2019, 2, 11, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(1);

    private static Bar Make(decimal open = 271.19m, decimal high = 271.34m, decimal low = 271.07m, decimal close = 271.34m, long volume = 1000, DateTimeOffset? start = null) =>
        new("SPY", start ?? Start, open, high, low, close, volume);

    private static BarVerdict Check(Bar bar, Bar? last = null, DateTimeOffset? asOf = null) =>
        new BarValidator().Validate(bar, last, asOf ?? End);

    [Fact]
    public void A_sound_bar_is_accepted()
    {
        Assert.True(Check(Make()).IsAccepted);
    }

    [Theory]
    [InlineData(0, 271.34, 0, 271.34, "open 0 <= 0")]
    [InlineData(271.19, 271.34, -1, 271.34, "low -1 <= 0")]
    public void Non_positive_prices_are_refused(decimal open, decimal high, decimal low, decimal close, string why)
    {
        var verdict = Check(Make(open, high, low, close));

        Assert.Equal(BarRejection.NonPositivePrice, verdict.Rejection);
        Assert.Equal($"SPY bar 2019-02-11T14:30:00Z refused: {why}", verdict.Reason);
    }

    [Fact]
    public void An_absurd_price_is_refused()
    {
        var verdict = Check(Make(high: 2_000_000m));

        Assert.Equal(BarRejection.AbsurdPrice, verdict.Rejection);
        Assert.Contains("high 2000000 > MarketData:MaxPrice 1000000", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(271.19, 271.30, 271.07, 271.34, BarRejection.HighBelowOpenOrClose)] // high below close
    [InlineData(271.40, 271.35, 271.07, 271.34, BarRejection.HighBelowOpenOrClose)] // high below open
    [InlineData(271.19, 271.34, 271.20, 271.34, BarRejection.LowAboveOpenOrClose)]  // low above open
    [InlineData(271.19, 271.00, 271.10, 271.05, BarRejection.HighBelowLow)]
    public void Inconsistent_ohlc_is_refused(decimal open, decimal high, decimal low, decimal close, BarRejection expected)
    {
        Assert.Equal(expected, Check(Make(open, high, low, close)).Rejection);
    }

    [Fact]
    public void Negative_volume_is_refused_but_zero_volume_is_a_real_bar()
    {
        Assert.Equal(BarRejection.NegativeVolume, Check(Make(volume: -1)).Rejection);
        Assert.True(Check(Make(volume: 0)).IsAccepted);
    }

    [Fact]
    public void A_duplicate_and_an_earlier_bar_are_refused()
    {
        var last = Make();

        Assert.Equal(BarRejection.Duplicate, Check(Make(), last).Rejection);
        var earlier = Check(Make(start: Start.AddMinutes(-1)), last);
        Assert.Equal(BarRejection.OutOfOrder, earlier.Rejection);
        Assert.Contains("starts before the last accepted bar (2019-02-11T14:30:00Z)", earlier.Reason, StringComparison.Ordinal);
        Assert.True(Check(Make(start: Start.AddMinutes(1)), last, End.AddMinutes(1)).IsAccepted);
    }

    [Fact]
    public void Staleness_counts_from_the_bar_end_with_a_90_second_default()
    {
        Assert.True(Check(Make(), asOf: End.AddSeconds(90)).IsAccepted);

        var stale = Check(Make(), asOf: End.AddSeconds(91));
        Assert.Equal(BarRejection.Stale, stale.Rejection);
        Assert.Equal("SPY bar 2019-02-11T14:30:00Z refused: ended at 2019-02-11T14:31:00Z, 91 s before 2019-02-11T14:32:31Z (limit 90 s)", stale.Reason);
    }

    [Fact]
    public void Staleness_limit_and_interval_come_from_options()
    {
        var validator = new BarValidator(new BarValidationOptions { BarInterval = TimeSpan.FromMinutes(5), MaxStaleness = TimeSpan.FromSeconds(10) });

        Assert.True(validator.Validate(Make(), null, Start.AddMinutes(5).AddSeconds(10)).IsAccepted);
        Assert.Equal(BarRejection.Stale, validator.Validate(Make(), null, Start.AddMinutes(5).AddSeconds(11)).Rejection);
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new BarValidator(new BarValidationOptions { BarInterval = TimeSpan.Zero, MaxPrice = -5m }));

        Assert.Contains("MarketData:BarInterval must be > 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("MarketData:MaxPrice must be > 0, was -5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_jump_without_a_known_split_is_refused()
    {
        var last = Make();
        var crash = Make(open: 100m, high: 100m, low: 99m, close: 99.5m, start: Start.AddMinutes(1));

        var verdict = Check(crash, last, End.AddMinutes(1));

        Assert.Equal(BarRejection.PriceJump, verdict.Rejection);
        Assert.Contains("no known split", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aapl_7_for_1_split_is_a_split_not_a_bad_print()
    {
        var bars = Fixture.Bars("extra/lean/AAPL_2014-06-05_2014-06-09_split.csv", "AAPL");
        var exDate = new DateOnly(2014, 6, 9);
        var lastBefore = bars.Last(b => NewYorkTime.SessionDate(b.Start) < exDate);
        // The file's first ex-date bar (08:00Z) mixes a pre-split open 645.57 with a post-split low 92.23;
        // the second (08:01Z, all 92.46) is the first clean post-split bar.
        var firstClean = bars.First(b => NewYorkTime.SessionDate(b.Start) == exDate && b.High < 100m);
        Assert.Equal(new DateTimeOffset(2014, 6, 9, 8, 1, 0, TimeSpan.Zero), firstClean.Start);
        Assert.True(firstClean.Close / lastBefore.Close < 0.2m, "the file shows the ~86 % overnight drop");
        var asOf = firstClean.Start.AddMinutes(1);

        var naive = new BarValidator().Validate(firstClean, lastBefore, asOf);
        var informed = new BarValidator(splits: new SplitList([new SplitEvent("AAPL", exDate, 7m)])).Validate(firstClean, lastBefore, asOf);

        Assert.Equal(BarRejection.PriceJump, naive.Rejection);
        Assert.True(informed.IsAccepted, informed.ToString());
    }

    [Fact]
    public void With_the_split_known_only_the_mixed_pre_and_post_split_bar_of_the_file_is_refused()
    {
        var bars = Fixture.Bars("extra/lean/AAPL_2014-06-05_2014-06-09_split.csv", "AAPL");
        var validator = new BarValidator(splits: new SplitList([new SplitEvent("AAPL", new DateOnly(2014, 6, 9), 7m)]));

        var refused = new List<(Bar Bar, BarVerdict Verdict)>();
        Bar? last = null;
        foreach (var bar in bars)
        {
            var verdict = validator.Validate(bar, last, bar.Start.AddMinutes(1));
            if (verdict.IsAccepted)
            {
                last = bar;
            }
            else
            {
                refused.Add((bar, verdict));
            }
        }

        var (mixed, why) = Assert.Single(refused);
        Assert.Equal(new DateTimeOffset(2014, 6, 9, 8, 0, 0, TimeSpan.Zero), mixed.Start);
        Assert.Equal(BarRejection.PriceJump, why.Rejection);
        Assert.Contains("after the known split ratio 7", why.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_large_daily_moves_are_not_taken_for_bad_prints()
    {
        // bars/1day/SPY.csv holds 2020-03-16 (-10.9 %) and 2025-04-09 (+10.5 %).
        var bars = Fixture.Bars("1day/SPY.csv", "SPY");
        var validator = new BarValidator(new BarValidationOptions { BarInterval = TimeSpan.FromDays(1) });

        Bar? last = null;
        foreach (var bar in bars)
        {
            var verdict = validator.Validate(bar, last, bar.Start.AddDays(1));
            Assert.True(verdict.IsAccepted, verdict.ToString());
            last = bar;
        }
    }
}
