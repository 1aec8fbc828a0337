using System.Globalization;

namespace MiniQuantDesk.Domain.Research;

/// <summary>One strategy's outcome in one check on one symbol's bars: passed, or the first differing bar.</summary>
public sealed record BiasFinding(string Strategy, string Symbol, BiasCheckKind Check, int SeriesCompared, SignalDifference? FirstDifference)
{
    public bool Passed => FirstDifference is null;

    public override string ToString()
    {
        var check = Check == BiasCheckKind.LookAhead ? "look-ahead" : "warm-up";
        if (FirstDifference is not { } d)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Strategy} {Symbol} {check}: pass ({SeriesCompared} shortened series compared)");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{Strategy} {Symbol} {check}: FAIL at bar {d.Index} ({d.BarStart.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}): full series says {d.Full}, bars {d.SeriesFrom}..{d.SeriesTo} say {d.Shortened}");
    }
}
