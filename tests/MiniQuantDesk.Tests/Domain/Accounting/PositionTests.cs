using MiniQuantDesk.Domain.Accounting;
using static MiniQuantDesk.Tests.Domain.Accounting.Fills;

namespace MiniQuantDesk.Tests.Domain.Accounting;

public sealed class PositionTests
{
    private static Position Apply(Position position, params FillEvent[] fills)
    {
        foreach (var fill in fills)
        {
            position = position.Apply(fill).Position;
        }

        return position;
    }

    [Fact]
    public void Average_cost_and_realised_pnl_by_hand()
    {
        // buy 100 @ 10.00 and 50 @ 11.00: cost 1000 + 550 = 1550 for 150 shares, avg 1550 / 150 = 10.3333…
        var position = Apply(Position.Flat("AAPL"), Buy(100m, 10.00m), Buy(50m, 11.00m));
        Assert.Equal(150m, position.Quantity);
        Assert.Equal(1550m, position.CostBasis);
        Assert.Equal(1550m / 150m, position.AverageCost);
        Assert.Equal(10.33m, Math.Round(position.AverageCost, 2));

        // sell 120 @ 12.00: proceeds 1440, cost of 120 shares 1550 × 120 / 150 = 1240, realised 200.
        var change = position.Apply(Sell(120m, 12.00m));
        Assert.Equal(200m, change.RealizedPnl);
        Assert.Equal(30m, change.Position.Quantity);
        Assert.Equal(310m, change.Position.CostBasis);
        Assert.Equal(1550m / 150m, change.Position.AverageCost);

        // 30 shares at mark 13: 390 − 310 = 80 unrealised.
        Assert.Equal(80m, change.Position.UnrealizedPnl(13m));
    }

    [Fact]
    public void A_short_realises_when_covered_and_gains_when_the_price_falls()
    {
        // short 10 @ 50.00 (proceeds 500), cover 4 @ 45.00: 4 × (50 − 45) = 20 realised.
        var shortTen = Position.Flat("AAPL").Apply(Sell(10m, 50.00m)).Position;
        Assert.Equal(-10m, shortTen.Quantity);
        Assert.Equal(50m, shortTen.AverageCost);
        Assert.Equal(-500m, shortTen.MarketValue(50m));

        var change = shortTen.Apply(Buy(4m, 45.00m));
        Assert.Equal(20m, change.RealizedPnl);
        Assert.Equal(-6m, change.Position.Quantity);
        Assert.Equal(50m, change.Position.AverageCost);

        // 6 short at mark 40: 6 × (50 − 40) = 60.
        Assert.Equal(60m, change.Position.UnrealizedPnl(40m));
    }

    [Fact]
    public void A_sale_through_zero_realises_the_long_and_opens_a_short_at_the_fill_price()
    {
        // long 10 @ 20, sell 15 @ 25: realise 10 × (25 − 20) = 50; short 5 @ 25.
        var change = Position.Flat("AAPL").Apply(Buy(10m, 20m)).Position.Apply(Sell(15m, 25m));

        Assert.Equal(50m, change.RealizedPnl);
        Assert.Equal(-5m, change.Position.Quantity);
        Assert.Equal(25m, change.Position.AverageCost);
        Assert.Equal(-125m, change.Position.CostBasis);
    }

    [Fact]
    public void A_purchase_through_zero_realises_the_short_and_opens_a_long()
    {
        // short 5 @ 30, buy 8 @ 28: realise 5 × (30 − 28) = 10; long 3 @ 28.
        var change = Position.Flat("AAPL").Apply(Sell(5m, 30m)).Position.Apply(Buy(8m, 28m));

        Assert.Equal(10m, change.RealizedPnl);
        Assert.Equal(3m, change.Position.Quantity);
        Assert.Equal(28m, change.Position.AverageCost);
    }

    [Fact]
    public void A_loss_is_negative()
    {
        // long 10 @ 20, sell 10 @ 18.50: 10 × (18.50 − 20) = −15, flat with no cost left.
        var change = Position.Flat("AAPL").Apply(Buy(10m, 20m)).Position.Apply(Sell(10m, 18.50m));

        Assert.Equal(-15m, change.RealizedPnl);
        Assert.True(change.Position.IsFlat);
        Assert.Equal(0m, change.Position.CostBasis);
        Assert.Equal(0m, change.Position.AverageCost);
    }

    [Fact]
    public void Partial_fills_add_up_to_the_whole_fill()
    {
        var inParts = Apply(Position.Flat("AAPL"), Buy(10m, 10m), Buy(15m, 10m), Buy(5m, 10m));
        var whole = Position.Flat("AAPL").Apply(Buy(30m, 10m)).Position;

        Assert.Equal(whole, inParts);
    }

    [Fact]
    public void A_split_multiplies_shares_divides_average_cost_and_leaves_pnl_alone()
    {
        // 100 @ 30, 3-for-1: 300 @ 10. Unrealised at 33 before = 300 = unrealised at 11 after.
        var before = Position.Flat("AAPL").Apply(Buy(100m, 30m)).Position;
        var after = before.ApplySplit(3m);

        Assert.Equal(300m, after.Quantity);
        Assert.Equal(10m, after.AverageCost);
        Assert.Equal(300m, before.UnrealizedPnl(33m));
        Assert.Equal(300m, after.UnrealizedPnl(11m));

        // 1-for-10 reverse split: 100 @ 2 → 10 @ 20.
        var reverse = Position.Flat("AAPL").Apply(Buy(100m, 2m)).Position.ApplySplit(0.1m);
        Assert.Equal(10m, reverse.Quantity);
        Assert.Equal(20m, reverse.AverageCost);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_split_ratio_must_be_positive(int ratio)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Position.Flat("AAPL").ApplySplit(ratio));

        Assert.Contains("split ratio for AAPL must be > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_fills_are_refused_with_the_field_named()
    {
        var position = Position.Flat("AAPL");

        var badQuantity = Assert.Throws<ArgumentException>(() => position.Apply(Buy(0m, 10m)));
        var otherSymbol = Assert.Throws<ArgumentException>(() => position.Apply(Buy(1m, 10m, symbol: "MSFT")));

        Assert.Contains("FillEvent.Quantity must be > 0, was 0", badQuantity.Message, StringComparison.Ordinal);
        Assert.Contains("MSFT", otherSymbol.Message, StringComparison.Ordinal);
    }
}
