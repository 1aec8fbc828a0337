using MiniQuantDesk.Functions.Dashboard;

namespace MiniQuantDesk.Tests.Functions.Dashboard;

/// <summary>The backwards reconstruction, against hand-worked books.</summary>
public sealed class EquityCurveTests
{
    private static readonly DateTimeOffset T0 = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset M(int minutes) => T0.AddMinutes(minutes);

    [Fact]
    public void Undoing_the_fills_after_each_instant_gives_the_books_at_that_instant()
    {
        // Start: 10,000 cash, flat. 10:01 buy 10 SPY @ 270.00 → cash 7,300. 10:03 buy 5 QQQ @ 170.50 → cash 6,447.50.
        // 10:04 sell 4 SPY @ 271.25 → cash 7,532.50. Now: cash 7,532.50, SPY 6, QQQ 5.
        var fills = new List<DeskFill>
        {
            new(M(1).AddSeconds(5), "SPY", 10m, 270.00m, "e1"),
            new(M(3).AddSeconds(5), "QQQ", 5m, 170.50m, "e2"),
            new(M(4).AddSeconds(5), "SPY", -4m, 271.25m, "e3"),
        };
        var prices = new Dictionary<string, IReadOnlyList<PricePoint>>
        {
            ["SPY"] = [new(M(1), 269.90m), new(M(2), 270.40m), new(M(3), 270.80m), new(M(4), 271.00m), new(M(5), 271.50m)],
            ["QQQ"] = [new(M(1), 170.00m), new(M(2), 170.20m), new(M(3), 170.40m), new(M(4), 170.60m), new(M(5), 170.90m)],
        };
        var now = new Dictionary<string, decimal> { ["SPY"] = 6m, ["QQQ"] = 5m };

        var curve = EquityCurve.Reconstruct(7_532.50m, now, fills, prices, [M(5), M(1), M(2), M(3), M(4)]);

        Assert.Equal([M(1), M(2), M(3), M(4), M(5)], curve.Select(p => p.At));
        // 10:01 (before the first fill): 10,000 cash, flat.
        Assert.Equal((10_000.00m, 10_000.00m), (curve[0].Cash, curve[0].Equity));
        // 10:02: 7,300 + 10 × 270.40 = 10,004.00.
        Assert.Equal((7_300.00m, 10_004.00m), (curve[1].Cash, curve[1].Equity));
        // 10:03 (QQQ fill is 5 s later): 7,300 + 10 × 270.80 = 10,008.00.
        Assert.Equal(10_008.00m, curve[2].Equity);
        // 10:04: 6,447.50 + 10 × 271.00 + 5 × 170.60 = 10,010.50.
        Assert.Equal((6_447.50m, 10_010.50m), (curve[3].Cash, curve[3].Equity));
        // 10:05 (= now): 7,532.50 + 6 × 271.50 + 5 × 170.90 = 7,532.50 + 1,629.00 + 854.50 = 10,016.00.
        Assert.Equal((7_532.50m, 10_016.00m), (curve[4].Cash, curve[4].Equity));
    }

    [Fact]
    public void An_instant_when_a_holding_has_no_known_price_is_left_out_rather_than_valued_at_zero()
    {
        var prices = new Dictionary<string, IReadOnlyList<PricePoint>> { ["SPY"] = [new(M(2), 270m)] };
        var curve = EquityCurve.Reconstruct(1_000m, new Dictionary<string, decimal> { ["SPY"] = 1m }, [], prices, [M(1), M(2)]);

        Assert.Equal(M(2), Assert.Single(curve).At);
        Assert.Equal(1_270m, curve[0].Equity);
    }

    [Fact]
    public void A_position_closed_before_the_instant_needs_no_price()
    {
        // Bought 3 AAPL @ 170 at 10:00:30 and sold them @ 171 at 10:01:30; now flat with 1,003 cash.
        var fills = new List<DeskFill> { new(M(0).AddSeconds(30), "AAPL", 3m, 170m, "a"), new(M(1).AddSeconds(30), "AAPL", -3m, 171m, "b") };
        var curve = EquityCurve.Reconstruct(1_003m, new Dictionary<string, decimal>(), fills, new Dictionary<string, IReadOnlyList<PricePoint>>(), [M(0), M(2)]);

        Assert.Equal([1_000m, 1_003m], curve.Select(p => p.Equity));
    }
}
