using System.Globalization;
using MiniQuantDesk.Domain.Research;
using ScottPlot;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>heatmap.png of a sweep over two parameters: the objective per (x, y) cell, invalid points blank.</summary>
public static class SweepHeatMap
{
    /// <summary>The two axes with more than one value, or null when there are not exactly two.</summary>
    public static (GridAxis X, GridAxis Y)? Axes(IReadOnlyList<GridAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var varying = axes.Where(a => a.Values.Count > 1).ToList();
        return varying.Count == 2 ? (varying[0], varying[1]) : null;
    }

    public static void Write(SweepResult sweep, GridAxis x, GridAxis y, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        // Row 0 of the intensities is drawn at the top: the largest y value goes there.
        var cells = new double[y.Values.Count, x.Values.Count];
        for (var r = 0; r < y.Values.Count; r++)
        {
            for (var c = 0; c < x.Values.Count; c++)
            {
                cells[r, c] = double.NaN;
            }
        }

        foreach (var row in sweep.Rows)
        {
            var c = IndexOf(x, row.Point[x.Name]);
            var r = y.Values.Count - 1 - IndexOf(y, row.Point[y.Name]);
            cells[r, c] = row.Score(sweep.Objective) is { } score ? score : double.NaN;
        }

        var plot = new Plot();
        var map = plot.Add.Heatmap(cells);
        map.Rectangle = new CoordinateRect(-0.5, x.Values.Count - 0.5, -0.5, y.Values.Count - 0.5);
        map.NaNCellColor = Colors.LightGray;
        plot.Add.ColorBar(map);
        plot.Axes.Bottom.TickGenerator = Ticks(x);
        plot.Axes.Left.TickGenerator = Ticks(y);
        plot.XLabel(x.Name);
        plot.YLabel(y.Name);
        plot.Title(title);
        plot.SavePng(path, 900, 700);
    }

    private static int IndexOf(GridAxis axis, decimal value)
    {
        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (axis.Values[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentException($"{value} is not on axis {axis.Name}", nameof(value));
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(GridAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var every = Math.Max(1, axis.Values.Count / 12);
        for (var i = 0; i < axis.Values.Count; i += every)
        {
            ticks.AddMajor(i, axis.Values[i].ToString(CultureInfo.InvariantCulture));
        }

        return ticks;
    }
}
