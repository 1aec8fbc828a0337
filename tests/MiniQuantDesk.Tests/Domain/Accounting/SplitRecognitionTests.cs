using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Tests.Domain.Accounting;

public sealed class SplitRecognitionTests
{
    [Fact]
    public void The_aapl_seven_for_one_of_2014_is_a_split_not_drift()
    {
        // 100 shares bought at 645.57 (cost 64557.00); after 2014-06-09: 700 shares at 92.2243 (cost 64557.01).
        Assert.Equal(7m, SplitRecognition.RatioOf(100m, 64_557m, 700m, 64_557.01m));
        Assert.Equal(7m, SplitRecognition.RatioOf(100m, 64_557m, 700m, 64_557.01m, knownRatio: 7m));
    }

    [Theory]
    [InlineData(100, 64557, 700, 50000)]   // quantity ×7 but the cost changed: a trade, not a split
    [InlineData(100, 64557, 650, 64557)]   // ×6.5 is no ratio we know
    [InlineData(100, 64557, 0, 0)]         // position gone
    [InlineData(100, 64557, -700, 64557)]  // sign flip
    public void Anything_else_is_drift(int deskQty, int deskCost, int brokerQty, int brokerCost)
    {
        Assert.Null(SplitRecognition.RatioOf(deskQty, deskCost, brokerQty, brokerCost));
    }

    [Fact]
    public void A_reverse_split_is_recognised_and_a_configured_ratio_must_match()
    {
        Assert.Equal(0.1m, SplitRecognition.RatioOf(1000m, 5_000m, 100m, 5_000m));
        Assert.Null(SplitRecognition.RatioOf(100m, 64_557m, 700m, 64_557m, knownRatio: 4m));
    }
}
