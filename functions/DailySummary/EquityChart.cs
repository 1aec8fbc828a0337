using System.Globalization;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Reporting;
using ScottPlot;

namespace MiniQuantDesk.Functions.DailySummary;

/// <summary>The day's equity curve as a PNG for the daily channel: New York time on the x axis, the previous close dashed.</summary>
public static class EquityChart
{
    public const int Width = 800;
    public const int Height = 400;
    public const string FileName = "equity.png";

    public static byte[] Render(DailyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var xs = report.Curve.Select(p => NewYorkTime.ToNewYork(p.At).ToOADate()).ToArray();
        var ys = report.Curve.Select(p => (double)p.Equity).ToArray();
        var start = plot.Add.HorizontalLine((double)report.StartEquity);
        start.LinePattern = LinePattern.Dashed;
        start.Color = Colors.Gray;
        var curve = plot.Add.ScatterLine(xs, ys);
        curve.LineWidth = 2f;
        curve.Color = report.DayPnl >= 0m ? Colors.SeaGreen : Colors.Crimson;
        plot.Axes.DateTimeTicksBottom();
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{report.Session:yyyy-MM-dd}: {report.DayPnl:+#,##0.00;-#,##0.00;0.00} USD ({report.DayReturn:P2})"));
        plot.YLabel("Equity (USD)");
        plot.XLabel("New York time");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
