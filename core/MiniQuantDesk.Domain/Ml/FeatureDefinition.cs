using System.Globalization;
using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// One feature: a kind and, for returns, volatility and volume ratio, a period in bars. Its
/// <see cref="Formula"/> is the canonical description the feature-set version is hashed from, so it names
/// every number the computation uses (indicator periods included).
/// </summary>
public readonly record struct FeatureDefinition(FeatureKind Kind, int Period = 0)
{
    public static FeatureDefinition Return(int bars) => new(FeatureKind.Return, bars);

    public static FeatureDefinition Volatility(int bars) => new(FeatureKind.Volatility, bars);

    public static FeatureDefinition VolumeRatio(int bars) => new(FeatureKind.VolumeRatio, bars);

    /// <summary>Whether the kind takes a period of its own (the others take theirs from the indicator set).</summary>
    public bool HasPeriod => Kind is FeatureKind.Return or FeatureKind.Volatility or FeatureKind.VolumeRatio;

    public string Name => Kind switch
    {
        FeatureKind.Return => Invariant($"ret_{Period}"),
        FeatureKind.SmaDistance => "sma_dist",
        FeatureKind.EmaDistance => "ema_dist",
        FeatureKind.Rsi => "rsi",
        FeatureKind.MacdHistogram => "macd_hist",
        FeatureKind.BollingerPercentB => "bb_pctb",
        FeatureKind.AtrRelative => "atr_rel",
        FeatureKind.VwapDistance => "vwap_dist",
        FeatureKind.Volatility => Invariant($"vol_{Period}"),
        FeatureKind.VolumeRatio => Invariant($"volume_ratio_{Period}"),
        FeatureKind.TimeOfDay => "time_of_day",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown feature kind"),
    };

    /// <summary>The computation in words and numbers, t the current bar (see docs/ml.md).</summary>
    public string Formula(IndicatorSetOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Kind switch
        {
            FeatureKind.Return => Invariant($"close[t]/close[t-{Period}]-1 (bars back, any session)"),
            FeatureKind.SmaDistance => Invariant($"close[t]/SMA({o.SmaPeriod})[t]-1"),
            FeatureKind.EmaDistance => Invariant($"close[t]/EMA({o.EmaPeriod}, SMA-seeded)[t]-1"),
            FeatureKind.Rsi => Invariant($"RSI({o.RsiPeriod}, Wilder)[t]/100"),
            FeatureKind.MacdHistogram => Invariant($"MACD({o.MacdFastPeriod},{o.MacdSlowPeriod},{o.MacdSignalPeriod}) histogram[t]/close[t]"),
            FeatureKind.BollingerPercentB => Invariant($"(close[t]-lower)/(upper-lower) of Bollinger({o.BollingerPeriod}, {o.BollingerWidth:R} population SD); 0.5 when upper=lower"),
            FeatureKind.AtrRelative => Invariant($"ATR({o.AtrPeriod}, Wilder)[t]/close[t]"),
            FeatureKind.VwapDistance => "close[t]/VWAP[t]-1, VWAP of typical price (H+L+C)/3 over the New York date",
            FeatureKind.Volatility => Invariant($"population SD of the last {Period} one-bar returns close[i]/close[i-1]-1"),
            FeatureKind.VolumeRatio => Invariant($"volume[t]/mean(volume[t-{Period - 1}..t]); 1 when that mean is 0"),
            FeatureKind.TimeOfDay => "(New York minutes from 09:30 to the bar start)/390",
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown feature kind"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
