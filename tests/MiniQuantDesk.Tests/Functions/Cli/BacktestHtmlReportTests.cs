using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiniQuantDesk.Functions.Cli;
using MiniQuantDesk.Tests.Domain;

namespace MiniQuantDesk.Tests.Functions.Cli;

/// <summary><c>desk backtest --open</c>: report.html beside the other outputs, checked against the reference run's files.</summary>
public sealed partial class BacktestHtmlReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mqd-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Open_writes_a_self_contained_report_that_agrees_with_the_reference_and_hands_it_to_the_opener()
    {
        var opened = new List<string>();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = Path.Combine(_dir, "out");

        var code = BacktestCommand.Run("SPY", "2019-02-11", "2019-02-15", "sma-crossover", Fixture.PathOf("bars/1min/SPY.csv"), output, null, stdout, stderr, (path, _) => opened.Add(path));

        Assert.True(code == 0, stderr.ToString());
        var report = Path.Combine(output, "report.html");
        Assert.Equal([report], opened);
        var html = File.ReadAllText(report);
        var reference = JsonNode.Parse(File.ReadAllText(Fixture.PathOf("backtest/reference/primary/summary.json")))!;
        var referenceTrades = File.ReadAllLines(Fixture.PathOf("backtest/reference/primary/trades.csv")).Skip(1).ToList();
        var equityRows = File.ReadAllLines(Fixture.PathOf("backtest/reference/primary/equity.csv")).Length - 1;

        // The trades table lists the reference's 44 trades, each P&L as the reference wrote it (to the cent).
        var rows = TradeRow().Matches(html);
        Assert.Equal(referenceTrades.Count, rows.Count);
        Assert.Equal(44, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var pnl = decimal.Parse(referenceTrades[i].Split(',')[5], CultureInfo.InvariantCulture);
            Assert.Equal(Math.Round(pnl, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture), rows[i].Groups["pnl"].Value);
        }

        // The drawdown chart and the headline come from the same curve as the reference's max_drawdown.
        var maxDrawdown = (decimal)reference["max_drawdown"]!.GetValue<double>();
        Assert.Contains($"data-stat=\"Max drawdown\">{maxDrawdown * 100m:F3}%", html, StringComparison.Ordinal);
        Assert.Contains($"data-stat=\"Trades\">{reference["n_trades"]}<", html, StringComparison.Ordinal);
        Assert.Contains($"<svg id=\"equity\" viewBox=\"0 0 1000 260\" role=\"img\" data-points=\"{equityRows}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<svg id=\"drawdown\" viewBox=\"0 0 1000 260\" role=\"img\" data-points=\"{equityRows}\"", html, StringComparison.Ordinal);
        // Viewable offline: nothing is fetched from anywhere.
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("report.html", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_open_no_report_is_written()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = Path.Combine(_dir, "plain");
        Assert.Equal(0, BacktestCommand.Run("SPY", "2019-02-11", "2019-02-11", "sma-crossover", Fixture.PathOf("bars/1min/SPY.csv"), output, null, stdout, stderr));
        Assert.False(File.Exists(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void Drawdown_is_measured_from_a_peak_that_starts_at_the_initial_cash()
    {
        // Peak 100 (cash) → 90 is 10 %; new peak 120 → 108 is 10 %; 120 is 0 %.
        Assert.Equal([0.1m, 0m, 0.1m, 0m], BacktestHtmlReport.Drawdowns([90m, 120m, 108m, 120m], 100m));
    }

    [GeneratedRegex("<tr><td>SPY</td>.*?<td class=\"[a-z]*\">(?<pnl>-?[0-9,]+\\.[0-9]{2})</td>")]
    private static partial Regex TradeRow();
}
