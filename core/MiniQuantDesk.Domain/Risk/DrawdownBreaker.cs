using System.Globalization;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// Decides whether equity has fallen far enough from its peaks to trip the breaker, and advances the
/// breaker state. A limit is reached when the drawdown is at or beyond it.
/// </summary>
public static class DrawdownBreaker
{
    /// <summary>Pure reading of equity against the day's and the all-time peak.</summary>
    public static DrawdownReading Read(decimal equity, EquityPeaks peaks, decimal maxDailyDrawdownPct, decimal maxDrawdownPct)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        var dayReached = Reached(equity, peaks.DayPeak, maxDailyDrawdownPct);
        var allReached = Reached(equity, peaks.AllTimePeak, maxDrawdownPct);
        var dayPct = Percent(peaks.DayPeak, equity);
        var allPct = Percent(peaks.AllTimePeak, equity);

        string? reason = null;
        if (dayReached || allReached)
        {
            var parts = new List<string>();
            if (dayReached)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"equity {RiskText.Usd(equity)} is {dayPct:0.##}% below the day's peak {RiskText.Usd(peaks.DayPeak)} (limit Risk:MaxDailyDrawdownPct {maxDailyDrawdownPct:0.##}%)"));
            }

            if (allReached)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"equity {RiskText.Usd(equity)} is {allPct:0.##}% below the all-time peak {RiskText.Usd(peaks.AllTimePeak)} (limit Risk:MaxDrawdownPct {maxDrawdownPct:0.##}%)"));
            }

            reason = string.Join("; ", parts);
        }

        return new DrawdownReading(dayPct, allPct, dayReached, allReached, reason);
    }

    /// <summary>
    /// Whether either limit is reached (<see cref="DrawdownReading.ShouldTrip"/>) without composing the reading:
    /// the same comparisons, for a caller that checks on every order and rarely sees a trip.
    /// </summary>
    public static bool LimitReached(decimal equity, decimal dayPeak, decimal allTimePeak, decimal maxDailyDrawdownPct, decimal maxDrawdownPct) =>
        Reached(equity, dayPeak, maxDailyDrawdownPct) || Reached(equity, allTimePeak, maxDrawdownPct);

    public static DrawdownReading Read(decimal equity, EquityPeaks peaks, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Read(equity, peaks, options.MaxDailyDrawdownPct, options.MaxDrawdownPct);
    }

    /// <summary>Trips the breaker when the reading says so; a tripped breaker stays tripped.</summary>
    public static DrawdownBreakerState Advance(DrawdownBreakerState state, decimal equity, EquityPeaks peaks, RiskOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reading = Read(equity, peaks, options);
        return reading.ShouldTrip ? state.Trip(now, reading.Reason!) : state;
    }

    // Compared as (peak - equity) * 100 >= pct * peak: no division, so no overflow on tiny peaks.
    private static bool Reached(decimal equity, decimal peak, decimal pct)
    {
        if (peak <= 0)
        {
            return false;
        }

        // Settled in double when the two sides are clearly apart: each converted operand is within 2^-50 of
        // its decimal, so the double sides are within 2^-48 × (100·(|peak| + |equity|) + |pct·peak|) of the
        // exact ones, far inside the slack; the decimal ones are exact or within 1e-28 relative. Magnitudes
        // stay where the decimal products cannot overflow, so no exception the decimal form throws is lost.
        double p = (double)peak, e = (double)equity, q = (double)pct;
        if (p < 1e24 && Math.Abs(e) < 1e24 && Math.Abs(q) < 1e4)
        {
            var gap = ((p - e) * 100) - (q * p);
            var slack = 1e-12 * ((100 * (p + Math.Abs(e))) + Math.Abs(q * p));
            if (gap > slack || gap < -slack)
            {
                return gap > 0;
            }
        }

        return (peak - equity) * 100m >= pct * peak;
    }

    private static decimal Percent(decimal peak, decimal equity)
    {
        if (peak <= 0 || equity >= peak)
        {
            return 0m;
        }

        if (equity <= 0)
        {
            return 100m;
        }

        // 0 < equity < peak, so the ratio is below 1: no overflow whatever the magnitudes.
        return Math.Round((peak - equity) / peak * 100m, 4);
    }
}
