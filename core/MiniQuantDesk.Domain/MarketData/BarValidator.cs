using System.Globalization;

namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// Decides whether one bar may enter the desk. Pure: the caller passes the last bar it ACCEPTED for the
/// same symbol (or null for the first) and the instant it acts at; nothing is remembered here. Checks, in
/// order: prices positive and not absurd, OHLC consistent, volume not negative, strictly after the last
/// accepted bar, not stale (asOf &gt; start + interval + MaxStaleness), and no price jump from the last close
/// that a known split does not explain. (Non-finite prices cannot reach a decimal: <see cref="PriceText"/>
/// refuses "NaN"/"Infinity" at parse time.)
/// </summary>
public sealed class BarValidator
{
    private readonly BarValidationOptions _options;
    private readonly SplitList _splits;

    public BarValidator(BarValidationOptions? options = null, SplitList? splits = null)
    {
        _options = options ?? new BarValidationOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _splits = splits ?? SplitList.Empty;
    }

    /// <param name="bar">The candidate bar.</param>
    /// <param name="lastAccepted">The last accepted bar of the same symbol, or null.</param>
    /// <param name="asOf">When the desk acts on the bar (a replay passes the bar's end).</param>
    public BarVerdict Validate(in Bar bar, Bar? lastAccepted, DateTimeOffset asOf)
    {
        if (lastAccepted is { } last && !string.Equals(last.Symbol, bar.Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the last accepted bar is of {last.Symbol}, the candidate of {bar.Symbol}", nameof(lastAccepted));
        }

        var verdict = CheckPrices(bar);
        if (!verdict.IsAccepted)
        {
            return verdict;
        }

        if (bar.Volume < 0)
        {
            return Reject(BarRejection.NegativeVolume, bar, $"volume {bar.Volume} < 0");
        }

        if (lastAccepted is { } previous)
        {
            if (bar.Start == previous.Start)
            {
                return Reject(BarRejection.Duplicate, bar, "a bar with this start was already accepted");
            }

            if (bar.Start < previous.Start)
            {
                return Reject(BarRejection.OutOfOrder, bar, $"starts before the last accepted bar ({Time(previous.Start)})");
            }
        }

        var end = bar.Start + _options.BarInterval;
        if (asOf - end > _options.MaxStaleness)
        {
            return Reject(BarRejection.Stale, bar,
                string.Create(CultureInfo.InvariantCulture, $"ended at {Time(end)}, {(asOf - end).TotalSeconds:0.###} s before {Time(asOf)} (limit {_options.MaxStaleness.TotalSeconds:0.###} s)"));
        }

        return lastAccepted is { } prior ? CheckJump(bar, prior) : BarVerdict.Accepted;
    }

    private BarVerdict CheckPrices(in Bar bar)
    {
        Span<decimal> prices = [bar.Open, bar.High, bar.Low, bar.Close];
        ReadOnlySpan<string> names = ["open", "high", "low", "close"];
        for (var i = 0; i < prices.Length; i++)
        {
            if (prices[i] <= 0m)
            {
                return Reject(BarRejection.NonPositivePrice, bar, $"{names[i]} {Price(prices[i])} <= 0");
            }

            if (prices[i] > _options.MaxPrice)
            {
                return Reject(BarRejection.AbsurdPrice, bar, $"{names[i]} {Price(prices[i])} > {BarValidationOptions.Section}:{nameof(BarValidationOptions.MaxPrice)} {Price(_options.MaxPrice)}");
            }
        }

        if (bar.High < bar.Low)
        {
            return Reject(BarRejection.HighBelowLow, bar, $"high {Price(bar.High)} < low {Price(bar.Low)}");
        }

        if (bar.High < Math.Max(bar.Open, bar.Close))
        {
            return Reject(BarRejection.HighBelowOpenOrClose, bar, $"high {Price(bar.High)} < max(open {Price(bar.Open)}, close {Price(bar.Close)})");
        }

        if (bar.Low > Math.Min(bar.Open, bar.Close))
        {
            return Reject(BarRejection.LowAboveOpenOrClose, bar, $"low {Price(bar.Low)} > min(open {Price(bar.Open)}, close {Price(bar.Close)})");
        }

        return BarVerdict.Accepted;
    }

    private BarVerdict CheckJump(in Bar bar, in Bar previous)
    {
        var ratio = _splits.RatioBetween(bar.Symbol, NewYorkTime.SessionDate(previous.Start), NewYorkTime.SessionDate(bar.Start));
        var reference = previous.Close / ratio;
        var limit = _options.MaxMoveFromPreviousClose;
        var worst = Math.Max(Math.Abs(bar.High / reference - 1m), Math.Abs(bar.Low / reference - 1m));
        if (worst <= limit)
        {
            return BarVerdict.Accepted;
        }

        var split = ratio == 1m ? "no known split" : $"after the known split ratio {Price(ratio)}";
        return Reject(BarRejection.PriceJump, bar,
            string.Create(CultureInfo.InvariantCulture, $"moved {worst:P1} from the previous close {Price(previous.Close)} ({split}); limit {limit:P1}"));
    }

    private static BarVerdict Reject(BarRejection rejection, in Bar bar, string why) =>
        BarVerdict.Reject(rejection, $"{bar.Symbol} bar {Time(bar.Start)} refused: {why}");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Price(decimal p) => p.ToString(CultureInfo.InvariantCulture);
}
