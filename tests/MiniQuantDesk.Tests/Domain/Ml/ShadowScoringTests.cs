using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Tests.Domain.Ml;

/// <summary>Scores of a known series, every figure worked out by hand in the comments.</summary>
public sealed class ShadowScoringTests
{
    private static readonly DateTimeOffset Day1 = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    private static ScoredPrediction P(double probability, double realized, bool outlier = false, DateTimeOffset? at = null, string model = "m") =>
        new(model, "SPY", at ?? Day1, probability, outlier, realized);

    [Fact]
    public void Hit_rate_brier_following_return_and_buckets_of_a_known_series()
    {
        ScoredPrediction[] series =
        [
            P(0.85, +0.01), // up, went up: hit;   (0.85-1)^2 = 0.0225; follows long: +0.01
            P(0.75, -0.02), // up, went down: miss; 0.75^2 = 0.5625;    long: -0.02
            P(0.35, -0.01), // down, went down: hit; 0.35^2 = 0.1225;   short: +0.01
            P(0.45, +0.03), // down, went up: miss; (0.45-1)^2 = 0.3025; short: -0.03
            P(0.50, +0.02), // 0.5 is "not up", went up: miss; 0.25;    flat: 0
            P(0.95, 0.00), // up, flat is "not up": miss; 0.9025;       long: 0
            P(0.90, +0.05, outlier: true), // outlier: counted, never scored
        ];

        var card = ShadowScoring.Score(series);

        Assert.Equal(6, card.Count);
        Assert.Equal(2, card.Hits);
        Assert.Equal(1.0 / 3.0, card.HitRate, 12);
        Assert.Equal(2.1625 / 6, card.Brier, 12); // 0.0225+0.5625+0.1225+0.3025+0.25+0.9025 = 2.1625
        Assert.Equal(-0.03, card.FollowingReturn, 12); // 0.01-0.02+0.01-0.03+0+0
        Assert.Equal(-50.0, card.MeanFollowingBps, 9); // -0.03/6 = -0.005 = -50 bps
        Assert.Equal(1, card.Outliers);

        Assert.Equal(10, card.Calibration.Count);
        int[] counts = [0, 0, 0, 1, 1, 1, 0, 1, 1, 1];
        Assert.Equal(counts, card.Calibration.Select(b => b.Count));
        Assert.Equal(0.85, card.Calibration[8].MeanProbability, 12);
        Assert.Equal(1.0, card.Calibration[8].ObservedUpRate);
        Assert.Equal(0.0, card.Calibration[7].ObservedUpRate);
        Assert.Equal(1.0, card.Calibration[5].ObservedUpRate); // the 0.5 prediction lands in [0.5, 0.6)
        Assert.Equal(0.0, card.Calibration[9].ObservedUpRate);
        Assert.True(double.IsNaN(card.Calibration[0].MeanProbability));
    }

    [Fact]
    public void Nothing_scored_gives_undefined_rates_not_zero()
    {
        var card = ShadowScoring.Score([P(0.7, 0.01, outlier: true)]);
        Assert.Equal(0, card.Count);
        Assert.Equal(1, card.Outliers);
        Assert.True(double.IsNaN(card.HitRate));
        Assert.True(double.IsNaN(card.Brier));
    }

    [Fact]
    public void Per_day_and_rolling_rows_per_model()
    {
        ScoredPrediction[] series =
        [
            P(0.8, +0.01, at: Day1), P(0.8, -0.01, at: Day1), // day 1: 1 of 2
            P(0.2, -0.01, at: Day2), P(0.7, +0.02, at: Day2), // day 2: 2 of 2
            P(0.9, +0.01, at: Day2, model: "other"),
        ];

        var rows = ScoreTable.Build(series, rollingDays: 2);

        Assert.Equal(["m", "m", "other"], rows.Select(r => r.Model));
        Assert.Equal([new DateOnly(2019, 2, 12), new DateOnly(2019, 2, 13), new DateOnly(2019, 2, 13)], rows.Select(r => r.Day));
        Assert.Equal(0.5, rows[0].Daily.HitRate);
        Assert.Equal(0.5, rows[0].Rolling.HitRate);
        Assert.Equal(1.0, rows[1].Daily.HitRate);
        Assert.Equal(0.75, rows[1].Rolling.HitRate); // 3 hits of 4 over both days
        Assert.Equal(1, rows[2].Rolling.Count);
        var oneDay = ScoreTable.Build(series, rollingDays: 1)[1].Rolling;
        Assert.Equal((rows[1].Daily.Count, rows[1].Daily.Hits, rows[1].Daily.Brier), (oneDay.Count, oneDay.Hits, oneDay.Brier));
    }
}
