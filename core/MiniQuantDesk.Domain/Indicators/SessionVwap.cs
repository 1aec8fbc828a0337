using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// Session VWAP: <c>Σ TP·volume / Σ volume</c> with <c>TP = (high + low + close)/3</c>, over the bars of the
/// current session (the New York date of the bar start; pre-market bars belong to their date). Resets at
/// the first bar of each New York date; undefined (NaN, not ready) while the session's volume is 0.
/// </summary>
public sealed class SessionVwap : IIndicator
{
    private CompensatedSum _priceVolume;
    private long _volume;
    private long _sessionStartTicks = long.MaxValue;
    private long _sessionEndTicks = long.MinValue;

    public int Samples { get; private set; }

    /// <summary>The New York date of the current session (default before the first bar).</summary>
    public DateOnly Session { get; private set; }

    /// <summary>Cumulative volume of the current session.</summary>
    public long SessionVolume => _volume;

    public bool IsReady => _volume > 0;

    /// <summary>NaN while the session's cumulative volume is 0.</summary>
    public double Value => _volume > 0 ? _priceVolume.Value / _volume : double.NaN;

    public void Update(in Bar bar) => Update(bar.Start, (double)bar.High, (double)bar.Low, (double)bar.Close, bar.Volume);

    public void Update(DateTimeOffset start, double high, double low, double close, long volume)
    {
        FiniteInput.Require(high, nameof(high));
        FiniteInput.Require(low, nameof(low));
        FiniteInput.Require(close, nameof(close));
        if (volume < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), volume, "volume must be >= 0");
        }

        var ticks = start.UtcTicks;
        if (ticks < _sessionStartTicks || ticks >= _sessionEndTicks)
        {
            // Time-zone conversion only when the date may have changed: once per session, not per bar.
            Session = NewYorkTime.SessionDate(start);
            var (startUtc, endUtc) = NewYorkTime.DayBounds(Session);
            _sessionStartTicks = startUtc.UtcTicks;
            _sessionEndTicks = endUtc.UtcTicks;
            _priceVolume.Reset();
            _volume = 0;
        }

        _priceVolume.Add((high + low + close) / 3 * volume);
        _volume += volume;
        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        var r = SplitRatio.ToDouble(ratio);
        // Prices are divided by r and share counts multiplied: the VWAP is divided by r. The volume stays a
        // whole number of shares, so the price-volume sum is re-based on the rounded volume.
        var vwap = Value;
        _volume = (long)Math.Round(_volume * r, MidpointRounding.AwayFromZero);
        _priceVolume.Reset();
        if (_volume > 0)
        {
            _priceVolume.Add(vwap / r * _volume);
        }
    }
}
