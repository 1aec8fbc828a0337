using System.Globalization;
using System.Net;
using System.Text;
using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// report.html of <c>desk backtest --open</c>: the summary, the equity curve and its drawdown as inline SVG, and the
/// trades table. One self-contained file (no script, no network), viewable offline in any browser.
/// </summary>
public static class BacktestHtmlReport
{
    private const int MaxChartPoints = 3000;
    private const double Width = 1000, Height = 260, Left = 70, Right = 10, Top = 10, Bottom = 24;

    public static string Html(BacktestResult result, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var s = result.Summary;
        var equity = result.Equity.Select(p => (double)p.Equity).ToList();
        var drawdown = Drawdowns(result.Equity.Select(p => p.Equity), s.InitialCash);
        var title = $"{string.Join(",", result.Symbols)} · {string.Join("+", options.Strategies)}";
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ").Append(E(title)).Append("</title>\n<style>")
            .Append(Dashboard.DashboardPage.Stylesheet)
            .Append("svg{width:100%;height:auto;background:var(--panel);border-radius:8px} dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:.5rem} dl div{background:var(--panel);border-radius:8px;padding:.5rem .8rem} dt{color:var(--muted);font-size:.8rem} dd{margin:0;font-size:1.2rem}</style></head>\n<body>\n")
            .Append("<header><h1>Backtest</h1><span class=\"badge\">").Append(E(title)).Append("</span><span class=\"spacer\"></span><span class=\"muted\">")
            .Append(E($"{Time(s.FirstBar)} – {Time(s.LastBar)} UTC")).Append("</span></header>\n<main>\n<dl id=\"summary\">");
        Stat(html, "Initial cash", Money(s.InitialCash));
        Stat(html, "Final equity", Money(s.FinalEquity));
        Stat(html, "Total return", Pct(s.TotalReturn));
        Stat(html, "Max drawdown", Pct(s.MaxDrawdown));
        Stat(html, "Sharpe", s.Sharpe?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a");
        Stat(html, "Trades", s.Trades.ToString(CultureInfo.InvariantCulture));
        Stat(html, "Win rate", s.WinRate is { } w ? Pct(w) : "n/a");
        Stat(html, "Bars / sessions", $"{s.BarsUsed} / {s.Sessions}");
        Stat(html, "Refused by risk", result.Refusals.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</dl>\n<h2>Equity (USD), one point per bar</h2>\n")
            .Append(Chart("equity", equity, "#36c98e", v => v.ToString("F0", CultureInfo.InvariantCulture)))
            .Append("\n<h2>Drawdown from the running peak (%)</h2>\n")
            .Append(Chart("drawdown", [.. drawdown.Select(d => -(double)d * 100)], "#ef5b5b", v => v.ToString("F2", CultureInfo.InvariantCulture)))
            .Append("\n<h2>Trades</h2>\n<table id=\"trades\"><thead><tr><th>Symbol</th><th>Entry (UTC)</th><th>Entry price</th><th>Exit (UTC)</th><th>Exit price</th><th>Qty</th><th>P&amp;L</th><th>Exit</th></tr></thead><tbody>\n");
        foreach (var t in result.Trades)
        {
            html.Append("<tr><td>").Append(E(t.Symbol)).Append("</td><td>").Append(Time(t.EntryTime)).Append("</td><td>").Append(Num(t.EntryPrice))
                .Append("</td><td>").Append(Time(t.ExitTime)).Append("</td><td>").Append(Num(t.ExitPrice)).Append("</td><td>").Append(Num(t.Quantity))
                .Append("</td><td class=\"").Append(t.Pnl < 0 ? "down" : t.Pnl > 0 ? "up" : "").Append("\">").Append(Money(t.Pnl))
                .Append("</td><td>").Append(Adapters.Backtest.BacktestReport.Reason(t.ExitReason)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</main>\n<footer class=\"muted\">desk backtest (MiniQuantDesk): the live desk's decision code on simulated fills; formulas in summary.json.</footer>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>(peak − equity) / peak with the peak starting at the initial cash, as summary.json's max_drawdown.</summary>
    public static IReadOnlyList<decimal> Drawdowns(IEnumerable<decimal> equity, decimal initialCash)
    {
        var peak = initialCash;
        var result = new List<decimal>();
        foreach (var value in equity)
        {
            peak = Math.Max(peak, value);
            result.Add(peak == 0m ? 0m : (peak - value) / peak);
        }

        return result;
    }

    private static string Chart(string id, IReadOnlyList<double> values, string colour, Func<double, string> label)
    {
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" data-points=\"{values.Count}\">");
        if (values.Count == 0)
        {
            return svg.Append("<text x=\"10\" y=\"20\" fill=\"#8b95a3\">no data</text></svg>").ToString();
        }

        var step = Math.Max(1, (int)Math.Ceiling(values.Count / (double)MaxChartPoints));
        double lo = values.Min(), hi = values.Max();
        if (hi - lo < 1e-9)
        {
            lo -= 1;
            hi += 1;
        }

        double X(int i) => Left + (values.Count == 1 ? 0 : i * (Width - Left - Right) / (values.Count - 1));
        double Y(double v) => Top + ((hi - v) * (Height - Top - Bottom) / (hi - lo));
        foreach (var v in new[] { lo, (lo + hi) / 2, hi })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):F1}\" y2=\"{Y(v):F1}\" stroke=\"#2a3440\"/><text x=\"4\" y=\"{Y(v) + 4:F1}\" fill=\"#8b95a3\" font-size=\"11\">{label(v)}</text>");
        }

        svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" points=\"");
        for (var i = 0; i < values.Count; i += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"{X(i):F1},{Y(values[i]):F1} ");
        }

        svg.Append(CultureInfo.InvariantCulture, $"{X(values.Count - 1):F1},{Y(values[^1]):F1}\"/></svg>");
        return svg.ToString();
    }

    private static void Stat(StringBuilder html, string name, string value) =>
        html.Append("<div><dt>").Append(E(name)).Append("</dt><dd data-stat=\"").Append(E(name)).Append("\">").Append(E(value)).Append("</dd></div>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Money(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture);

    private static string Pct(decimal fraction) => (fraction * 100m).ToString("F3", CultureInfo.InvariantCulture) + "%";

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "–";
}
