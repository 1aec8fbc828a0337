using System.Globalization;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>A TTR reference file (Fixtures/ttr): one row per bar, NaN where TTR wrote an empty field (warm-up).</summary>
internal sealed class TtrReference
{
    public static readonly string[] Columns =
        ["sma_20", "sma_50", "ema_12", "ema_26", "rsi_14", "macd", "macd_signal", "macd_hist", "bb_dn", "bb_mavg", "bb_up", "atr_14", "vwap"];

    private TtrReference(List<string> timestamps, List<double[]> rows)
    {
        Timestamps = timestamps;
        Rows = rows;
    }

    public IReadOnlyList<string> Timestamps { get; }

    public IReadOnlyList<double[]> Rows { get; }

    public static TtrReference Load(string relative)
    {
        var lines = File.ReadAllLines(Fixture.PathOf(Path.Combine("ttr", relative)));
        Assert.Equal("timestamp_utc," + string.Join(',', Columns), lines[0]);
        var timestamps = new List<string>();
        var rows = new List<double[]>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            timestamps.Add(fields[0]);
            rows.Add(fields.Skip(1).Select(f => f.Length == 0 ? double.NaN : double.Parse(f, CultureInfo.InvariantCulture)).ToArray());
        }

        return new TtrReference(timestamps, rows);
    }

    /// <summary>Fails naming the file, row, timestamp and column of the first mismatch.</summary>
    public void AssertColumn(string file, string column, IReadOnlyList<double> actual)
    {
        var c = Array.IndexOf(Columns, column);
        Assert.Equal(Rows.Count, actual.Count);
        for (var i = 0; i < Rows.Count; i++)
        {
            var expected = Rows[i][c];
            var got = actual[i];
            var where = $"{file} row {i + 1} ({Timestamps[i]}) {column}: expected {Show(expected)}, got {Show(got)}";
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(got), where + " (reference is empty there)");
                continue;
            }

            Assert.False(double.IsNaN(got), where + " (reference has a value there)");
            Assert.True(Math.Abs(got - expected) <= 1e-8 * Math.Max(1, Math.Abs(expected)), where);
        }
    }

    private static string Show(double x) => double.IsNaN(x) ? "(empty)" : x.ToString("R", CultureInfo.InvariantCulture);
}
