using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Backtest;
using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Tests.Domain.Backtest;

/// <summary>
/// The desk's engine against the reference backtest (Fixtures/backtest/reference, made outside the team by
/// an R script and an exact-decimal Python program), compared as the SPEC §6 says: every trade (times,
/// prices, quantities and reasons identical, pnl within 0.005), every equity row (timestamps and quantities
/// identical, cash and equity within 0.005) and the summary (trades identical, final equity within 0.005,
/// ratios within 1e-9 relative).
/// </summary>
public sealed class ReferenceBacktestTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "primary", "bars/1min/SPY.csv", "SPY" },
        { "QQQ", "backtest/bars/1min/QQQ.csv", "QQQ" },
        { "AAPL", "bars/1min/AAPL.csv", "AAPL" },
        { "MSFT", "backtest/bars/1min/MSFT.csv", "MSFT" },
        { "TSLA", "backtest/bars/1min/TSLA.csv", "TSLA" },
        { "AMZN", "backtest/bars/1min/AMZN.csv", "AMZN" },
        { "SPY_2025-07-08_2025-07-14", "bars/extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "SPY" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trades_match_the_reference(string @case, string bars, string symbol)
    {
        var result = Run(bars, symbol);
        var expected = ReadCsv(Path.Combine("backtest", "reference", @case, "trades.csv"));
        var actual = ParseCsv(BacktestReport.TradesCsv(result));
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 1; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var where = $"{@case} trade {i}: expected {string.Join(',', e)}, got {string.Join(',', a)}";
            foreach (var exact in new[] { 0, 1, 2, 3, 4, 6 })
            {
                Assert.True(e[exact] == a[exact], where);
            }

            Assert.True(Math.Abs(Dec(e[5]) - Dec(a[5])) <= 0.005m, where);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_equity_row_matches_the_reference(string @case, string bars, string symbol)
    {
        var result = Run(bars, symbol);
        var expected = ReadCsv(Path.Combine("backtest", "reference", @case, "equity.csv"));
        var actual = ParseCsv(BacktestReport.EquityCsv(result));
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 1; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var where = $"{@case} equity row {i}: expected {string.Join(',', e)}, got {string.Join(',', a)}";
            Assert.True(e[0] == a[0] && e[2] == a[2], where);
            Assert.True(Math.Abs(Dec(e[1]) - Dec(a[1])) <= 0.005m, where);
            Assert.True(Math.Abs(Dec(e[3]) - Dec(a[3])) <= 0.005m, where);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_matches_the_reference(string @case, string bars, string symbol)
    {
        var result = Run(bars, symbol);
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf(Path.Combine("backtest", "reference", @case, "summary.json"))));
        var e = expected.RootElement;
        var s = result.Summary;
        Assert.Equal(e.GetProperty("n_trades").GetInt32(), s.Trades);
        Assert.Equal(e.GetProperty("bars_used").GetInt32(), s.BarsUsed);
        Assert.Equal(e.GetProperty("sessions").GetInt32(), s.Sessions);
        Assert.Equal(e.GetProperty("first_bar").GetString(), s.FirstBar!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.Equal(e.GetProperty("last_bar").GetString(), s.LastBar!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(e.GetProperty("final_equity").GetDecimal() - s.FinalEquity) <= 0.005m, $"final equity {s.FinalEquity}");
        Close(e.GetProperty("total_return").GetDouble(), (double)s.TotalReturn, "total_return");
        Close(e.GetProperty("win_rate").GetDouble(), (double)s.WinRate!.Value, "win_rate");
        Close(e.GetProperty("max_drawdown").GetDouble(), (double)s.MaxDrawdown, "max_drawdown");
        Close(e.GetProperty("sharpe").GetDouble(), s.Sharpe!.Value, "sharpe");
        Assert.Empty(result.Refusals);
    }

    internal static BacktestResult Run(string bars, string symbol) =>
        BacktestEngine.Run(Fixture.Bars(Path.GetRelativePath("bars", bars), symbol), new BacktestOptions());

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string[]> ReadCsv(string relative) => ParseCsv(File.ReadAllText(Fixture.PathOf(relative)));

    private static List<string[]> ParseCsv(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split(','))];
}
