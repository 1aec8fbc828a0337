using System.Globalization;
using System.Text;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Research;

namespace MiniQuantDesk.Adapters.Research;

/// <summary>
/// The text of research output files. sweep.csv: one row per grid point, the parameters then
/// <c>total_return,sharpe,max_drawdown,trades,win_rate,final_equity,invalid</c> (empty figures for an invalid
/// point, the reason in <c>invalid</c>). walkforward.csv: one row per window, in-sample and out-of-sample
/// figures side by side.
/// </summary>
public static class ResearchReport
{
    public const string Figures = "total_return,sharpe,max_drawdown,trades,win_rate,final_equity";

    public static string SweepCsv(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var names = sweep.Rows.Count > 0 ? sweep.Rows[0].Point.Names : [];
        var text = new StringBuilder(string.Join(",", names.Append(Figures).Append("invalid"))).Append('\n');
        foreach (var row in sweep.Rows)
        {
            foreach (var value in row.Point.Values)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(FigureCells(row.Summary)).Append(',').Append(Quote(row.Invalid)).Append('\n');
        }

        return text.ToString();
    }

    public static string WalkForwardCsv(WalkForwardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder("window,train_from,train_to,test_from,test_to,chosen,")
            .Append(string.Join(",", Figures.Split(',').Select(f => "is_" + f))).Append(',')
            .Append(string.Join(",", Figures.Split(',').Select(f => "oos_" + f))).Append('\n');
        foreach (var s in result.Steps)
        {
            var w = s.Window;
            text.Append(CultureInfo.InvariantCulture, $"{w.Index},{w.TrainFrom:yyyy-MM-dd},{w.TrainTo:yyyy-MM-dd},{w.TestFrom:yyyy-MM-dd},{w.TestTo:yyyy-MM-dd},")
                .Append(Quote(s.Chosen?.ToString())).Append(',').Append(FigureCells(s.InSample)).Append(',').Append(FigureCells(s.OutOfSample)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"return 1.23% Sharpe 0.45 drawdown 2.00% trades 12" (or "n/a").</summary>
    public static string Describe(BacktestSummary? s) => s is null
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"return {s.TotalReturn:P2}, Sharpe {s.Sharpe?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"}, drawdown {s.MaxDrawdown:P2}, {s.Trades} trades");

    private static string FigureCells(BacktestSummary? s) => s is null
        ? ",,,,,"
        : string.Create(CultureInfo.InvariantCulture,
            $"{s.TotalReturn:F6},{s.Sharpe?.ToString("R", CultureInfo.InvariantCulture)},{s.MaxDrawdown:F6},{s.Trades},{s.WinRate?.ToString("F6", CultureInfo.InvariantCulture)},{s.FinalEquity:F2}");

    private static string Quote(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
