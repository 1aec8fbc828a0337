using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>
/// Every column of every TTR reference file (R's TTR 0.24.3, computed outside the team), on every row,
/// within 1e-8 × max(1, |reference|), with the empty (warm-up) rows in exactly the same places. Input is
/// every row of the bar file in order, as the reference README prescribes.
/// </summary>
public sealed class TtrReferenceTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "1min/SPY.csv", "SPY" },
        { "1min/AAPL.csv", "AAPL" },
        { "1day/SPY.csv", "SPY" },
        { "1day/AAPL.csv", "AAPL" },
        { "extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "SPY" },
        { "extra/lean/GOOG_2015-12-23_2015-12-28.csv", "GOOG" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Standalone_indicators_match_ttr_on_every_row(string file, string symbol)
    {
        var bars = Fixture.Bars(file, symbol);
        var reference = TtrReference.Load(file);
        Assert.Equal(reference.Timestamps, bars.Select(b => b.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));

        var sma20 = new SimpleMovingAverage(20);
        var sma50 = new SimpleMovingAverage(50);
        var ema12 = new ExponentialMovingAverage(12);
        var ema26 = new ExponentialMovingAverage(26);
        var rsi = new RelativeStrengthIndex(14);
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var bb = new BollingerBands(20, 2);
        var atr = new AverageTrueRange(14);
        var vwap = new SessionVwap();
        var columns = TtrReference.Columns.ToDictionary(c => c, _ => new List<double>());
        foreach (var bar in bars)
        {
            foreach (var indicator in new IIndicator[] { sma20, sma50, ema12, ema26, rsi, macd, bb, atr, vwap })
            {
                indicator.Update(bar);
            }

            columns["sma_20"].Add(Ready(sma20, sma20.Value));
            columns["sma_50"].Add(Ready(sma50, sma50.Value));
            columns["ema_12"].Add(Ready(ema12, ema12.Value));
            columns["ema_26"].Add(Ready(ema26, ema26.Value));
            columns["rsi_14"].Add(Ready(rsi, rsi.Value));
            columns["macd"].Add(macd.IsLineReady ? macd.Line : double.NaN);
            columns["macd_signal"].Add(Ready(macd, macd.Signal));
            columns["macd_hist"].Add(Ready(macd, macd.Histogram));
            columns["bb_dn"].Add(Ready(bb, bb.Lower));
            columns["bb_mavg"].Add(Ready(bb, bb.Middle));
            columns["bb_up"].Add(Ready(bb, bb.Upper));
            columns["atr_14"].Add(Ready(atr, atr.Value));
            columns["vwap"].Add(Ready(vwap, vwap.Value));
        }

        foreach (var column in TtrReference.Columns)
        {
            reference.AssertColumn(file, column, columns[column]);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Indicator_set_matches_ttr_on_every_row(string file, string symbol)
    {
        var bars = Fixture.Bars(file, symbol);
        var reference = TtrReference.Load(file);
        var set = new IndicatorSet(symbol);
        var columns = new[] { "sma_20", "ema_12", "rsi_14", "macd", "macd_signal", "macd_hist", "bb_dn", "bb_mavg", "bb_up", "atr_14", "vwap" }
            .ToDictionary(c => c, _ => new List<double>());
        var readyRows = 0;
        foreach (var bar in bars)
        {
            set.Update(bar);
            columns["sma_20"].Add(Ready(set.Sma, set.Sma.Value));
            columns["ema_12"].Add(Ready(set.Ema, set.Ema.Value));
            columns["rsi_14"].Add(Ready(set.Rsi, set.Rsi.Value));
            columns["macd"].Add(set.Macd.IsLineReady ? set.Macd.Line : double.NaN);
            columns["macd_signal"].Add(Ready(set.Macd, set.Macd.Signal));
            columns["macd_hist"].Add(Ready(set.Macd, set.Macd.Histogram));
            columns["bb_dn"].Add(Ready(set.Bollinger, set.Bollinger.Lower));
            columns["bb_mavg"].Add(Ready(set.Bollinger, set.Bollinger.Middle));
            columns["bb_up"].Add(Ready(set.Bollinger, set.Bollinger.Upper));
            columns["atr_14"].Add(Ready(set.Atr, set.Atr.Value));
            columns["vwap"].Add(Ready(set.Vwap, set.Vwap.Value));
            readyRows += set.IsReady ? 1 : 0;
        }

        foreach (var (column, values) in columns)
        {
            reference.AssertColumn(file, column, values);
        }

        // IsReady = every reference column of the row is non-empty (MACD signal is the last to warm up).
        var expectedReady = reference.Rows.Count(r => TtrReference.Columns.Where(c => c is not ("sma_50" or "ema_26"))
            .All(c => !double.IsNaN(r[Array.IndexOf(TtrReference.Columns, c)])));
        Assert.Equal(expectedReady, readyRows);
    }

    /// <summary>The value when the indicator says it is ready, NaN otherwise: so IsReady itself is checked against the empty pattern.</summary>
    private static double Ready(IIndicator indicator, double value) => indicator.IsReady ? value : double.NaN;
}
