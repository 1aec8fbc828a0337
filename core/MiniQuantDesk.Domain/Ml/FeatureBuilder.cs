using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// The features of one symbol, kept incrementally from the same <see cref="IndicatorSet"/> the strategies use
/// (plus a ring of recent closes, the SD of one-bar returns and the mean volume, also O(1) per bar). Training
/// feeds a whole history once; the live minute replays the stored window (<see cref="AtLastBar"/>): the
/// features at bar t only ever see bars up to t.
/// </summary>
public sealed class FeatureBuilder
{
    private readonly FeatureSetDefinition _definition;
    private readonly IndicatorSet _indicators;
    private readonly double[] _closes;
    private readonly BollingerBands[] _volatility;
    private readonly SimpleMovingAverage[] _volume;
    private readonly int[] _slot;
    private int _next;
    private double _lastClose = double.NaN;
    private long _lastVolume;

    public FeatureBuilder(string symbol, FeatureSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _indicators = new IndicatorSet(symbol, definition.Indicators);
        var longestReturn = definition.Features.Where(f => f.Kind == FeatureKind.Return).Select(f => f.Period).DefaultIfEmpty(0).Max();
        _closes = new double[longestReturn + 1];
        _slot = new int[definition.Count];
        var volatility = new List<BollingerBands>();
        var volume = new List<SimpleMovingAverage>();
        for (var i = 0; i < definition.Count; i++)
        {
            var feature = definition.Features[i];
            if (feature.Kind == FeatureKind.Volatility)
            {
                _slot[i] = volatility.Count;
                volatility.Add(new BollingerBands(feature.Period, 1.0));
            }
            else if (feature.Kind == FeatureKind.VolumeRatio)
            {
                _slot[i] = volume.Count;
                volume.Add(new SimpleMovingAverage(feature.Period));
            }
        }

        _volatility = [.. volatility];
        _volume = [.. volume];
    }

    public string Symbol => _indicators.Symbol;

    public FeatureSetDefinition Definition => _definition;

    /// <summary>Bars fed so far.</summary>
    public int Samples => _indicators.Samples;

    public DateTimeOffset LastBarStart => _indicators.LastBarStart;

    /// <summary>True once every feature is defined (all indicators past warm-up, enough closes for the longest return).</summary>
    public bool IsReady =>
        _indicators.IsReady
        && Samples >= _closes.Length
        && _volatility.All(v => v.IsReady)
        && _volume.All(v => v.IsReady);

    /// <summary>Feeds one bar (same rules as <see cref="IndicatorSet.Update(in Bar)"/>: this symbol, strictly after the last).</summary>
    public void Update(in Bar bar)
    {
        _indicators.Update(bar);
        var close = (double)bar.Close;
        if (!double.IsNaN(_lastClose))
        {
            var oneBar = close / _lastClose - 1.0;
            foreach (var v in _volatility)
            {
                v.Update(oneBar);
            }
        }

        foreach (var v in _volume)
        {
            v.Update((double)bar.Volume);
        }

        _closes[_next] = close;
        _next = (_next + 1) % _closes.Length;
        _lastClose = close;
        _lastVolume = bar.Volume;
    }

    /// <summary>The features at the last bar fed, or null during warm-up.</summary>
    public FeatureVector? Current()
    {
        if (!IsReady)
        {
            return null;
        }

        var values = new double[_definition.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Value(i);
        }

        return new FeatureVector(Symbol, LastBarStart, _definition.Version, values);
    }

    /// <summary>Replays a window (oldest first, one symbol) and returns the features at its last bar, or null when the window is too short.</summary>
    public static FeatureVector? AtLastBar(IReadOnlyList<Bar> window, FeatureSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Count == 0)
        {
            return null;
        }

        var builder = new FeatureBuilder(window[0].Symbol, definition);
        foreach (var bar in window)
        {
            builder.Update(bar);
        }

        return builder.Current();
    }

    private double Value(int i)
    {
        var feature = _definition.Features[i];
        var close = _lastClose;
        var x = _indicators;
        return feature.Kind switch
        {
            FeatureKind.Return => close / CloseBack(feature.Period) - 1.0,
            FeatureKind.SmaDistance => close / x.Sma.Value - 1.0,
            FeatureKind.EmaDistance => close / x.Ema.Value - 1.0,
            FeatureKind.Rsi => x.Rsi.Value / 100.0,
            FeatureKind.MacdHistogram => x.Macd.Histogram / close,
            FeatureKind.BollingerPercentB => x.Bollinger.Upper > x.Bollinger.Lower
                ? (close - x.Bollinger.Lower) / (x.Bollinger.Upper - x.Bollinger.Lower)
                : 0.5,
            FeatureKind.AtrRelative => x.Atr.Value / close,
            FeatureKind.VwapDistance => close / x.Vwap.Value - 1.0,
            FeatureKind.Volatility => _volatility[_slot[i]].StandardDeviation,
            FeatureKind.VolumeRatio => _volume[_slot[i]].Value > 0 ? _lastVolume / _volume[_slot[i]].Value : 1.0,
            FeatureKind.TimeOfDay => MinutesFromOpen(LastBarStart) / 390.0,
            _ => double.NaN,
        };
    }

    /// <summary>The close <paramref name="back"/> bars before the last one.</summary>
    private double CloseBack(int back)
    {
        var index = (_next - 1 - back) % _closes.Length;
        return _closes[index < 0 ? index + _closes.Length : index];
    }

    private static double MinutesFromOpen(DateTimeOffset start)
    {
        var local = NewYorkTime.ToNewYork(start);
        return (local.TimeOfDay - NewYorkTime.RegularOpen.ToTimeSpan()).TotalMinutes;
    }
}
