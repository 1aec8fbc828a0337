using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Tests.Domain.Accounting;

public sealed class PositionDriftTests
{
    [Fact]
    public void Only_symbols_whose_quantities_differ_are_drift_including_one_side_missing()
    {
        var desk = new Dictionary<string, decimal> { ["SPY"] = 100m, ["QQQ"] = 10m, ["AAPL"] = 0m };
        var broker = new Dictionary<string, decimal> { ["SPY"] = 100m, ["QQQ"] = 7m, ["TSLA"] = -5m };

        var drift = PositionDrift.Compare(desk, broker);

        Assert.Equal([new PositionDrift("QQQ", 10m, 7m), new PositionDrift("TSLA", 0m, -5m)], drift);
        Assert.Equal(-3m, drift[0].Difference);
        Assert.Empty(PositionDrift.Compare(desk, desk));
    }
}
