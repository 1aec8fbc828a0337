using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The verdict of <see cref="RiskManager.Evaluate"/> — approved or not — from <see cref="RiskFigures"/>,
/// without building a context, a reason list or a single string: for callers that evaluate intents in a
/// tight loop (the backtest). Every condition below is one of the risk manager's own comparisons (input
/// sanity, price band, quote requirement, the entry limits, drawdown, locks, order rate, PDT), on the same
/// decimal values in the same order, so <see cref="Approves"/> is true exactly when the full evaluation of
/// the context the figures stand for approves (a property test holds the two side by side). On false the
/// caller runs the full evaluation to learn the reasons. The options are validated and copied once.
/// </summary>
public sealed class RiskScreen
{
    private const decimal Sane = RiskOptions.SaneUsdLimit;
    private readonly decimal _maxPositionSize;
    private readonly decimal _maxExposure;
    private readonly int _maxOpenPositions;
    private readonly decimal _maxOrderNotional;
    private readonly decimal _maxDailyLoss;
    private readonly decimal _maxDailyDrawdownPct;
    private readonly decimal _maxDrawdownPct;
    private readonly int _maxOrdersPerMinute;
    private readonly decimal _maxPriceDeviationPct;
    private readonly TimeSpan _maxBarAge;
    private readonly int _barLengthSeconds;
    private readonly decimal _pdtThreshold;
    private readonly int _maxDayTrades;
    private readonly bool _fractional;
    private readonly bool _requireQuote;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the options are not valid.</summary>
    public RiskScreen(RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _maxPositionSize = options.MaxPositionSizeUsd;
        _maxExposure = options.MaxPortfolioExposureUsd;
        _maxOpenPositions = options.MaxOpenPositions;
        _maxOrderNotional = options.MaxOrderNotionalUsd;
        _maxDailyLoss = options.MaxDailyLossUsd;
        _maxDailyDrawdownPct = options.MaxDailyDrawdownPct;
        _maxDrawdownPct = options.MaxDrawdownPct;
        _maxOrdersPerMinute = options.MaxOrdersPerMinute;
        _maxPriceDeviationPct = options.MaxPriceDeviationPct;
        _maxBarAge = TimeSpan.FromSeconds(options.MaxBarAgeSeconds);
        _barLengthSeconds = options.BarLengthSeconds;
        _pdtThreshold = options.PdtEquityThresholdUsd;
        _maxDayTrades = options.MaxDayTrades;
        _fractional = options.AllowFractionalShares;
        _requireQuote = options.RequireQuoteForMarketOrders;
    }

    /// <summary>True exactly when the full risk evaluation approves the intent and context these figures stand for.</summary>
    public bool Approves(in RiskFigures f) =>
        InputsAreSane(f) && !_requireQuote && PriceInBand(f) && !StaleBar(f) && WithinLimits(f) && OrderRateOk(f) && PdtOk(f);

    /// <summary>What <c>RiskInputs.Read</c> and the intent check refuse as missing or absurd.</summary>
    // Round bounds the inputs are nowhere near: settled in double (exactly, see DecimalBounds) rather than by rescaling decimals.
    private bool InputsAreSane(in RiskFigures f) =>
        (f.Side is OrderSide.Buy or OrderSide.Sell)
        && f.Quantity > 0 && DecimalBounds.AtMost(f.Quantity, RiskInputs.MaxQuantity)
        && (_fractional || decimal.Truncate(f.Quantity) == f.Quantity)
        && RiskInputs.SanePrice(f.ReferencePrice)
        && RiskInputs.SanePrice(f.LastClose) && f.LastBarStart <= f.Now
        && f.Equity >= 0 && SaneUsd(f.Equity) && f.BuyingPower >= 0 && SaneUsd(f.BuyingPower) && SaneUsd(Math.Abs(f.Cash))
        && f.DayTradeCount is not < 0
        && f.PositionCount <= RiskInputs.MaxCollectionSize && DecimalBounds.AtMost(f.LargestPositionQuantity, RiskInputs.MaxQuantity) && SaneUsd(f.LargestPositionValueUsd)
        && f.ReservedTotalUsd >= 0 && SaneUsd(f.ReservedTotalUsd) && f.ReservedSymbolCount <= RiskInputs.MaxCollectionSize
        && (f.ReservedSymbolCount == 0 || (f.SmallestReservedUsd >= 0 && SaneUsd(f.LargestReservedUsd)))
        && SaneUsd(Math.Abs(f.DayRealisedUsd)) && SaneUsd(Math.Abs(f.DayUnrealisedUsd))
        && DecimalBounds.AtLeast(f.DayPeak, 0.01m) && SaneUsd(f.DayPeak) && DecimalBounds.AtLeast(f.AllTimePeak, 0.01m) && SaneUsd(f.AllTimePeak)
        && f.RecentOrderCount <= RiskInputs.MaxCollectionSize && f.LockCount <= RiskInputs.MaxCollectionSize;

    private static bool SaneUsd(decimal x) => DecimalBounds.AtMost(x, Sane);

    private bool PriceInBand(in RiskFigures f) =>
        !(Math.Abs(f.ReferencePrice - f.LastClose) * 100m > _maxPriceDeviationPct * f.LastClose);

    private bool StaleBar(in RiskFigures f) =>
        f.Now - f.LastBarStart.AddSeconds(_barLengthSeconds) > _maxBarAge;

    /// <summary>The entry limits (<c>EntryLimits</c>), skipped by an order that only shrinks its position.</summary>
    private bool WithinLimits(in RiskFigures f)
    {
        var before = f.PositionQuantity;
        var delta = f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity;
        var against = before != 0 && Math.Sign(delta) != Math.Sign(before);
        if (against && f.Quantity <= Math.Abs(before))
        {
            return true;
        }

        var price = f.ReferencePrice;
        var after = before + delta;
        var opening = against ? f.Quantity - Math.Abs(before) : f.Quantity;
        var positionAfterUsd = Math.Abs(after) * price;
        if (Math.Abs(after - before) * price > _maxOrderNotional
            || positionAfterUsd + f.ReservedForSymbolUsd > _maxPositionSize
            || f.OtherPositionsGrossUsd + positionAfterUsd + f.ReservedTotalUsd > _maxExposure
            || (before == 0 && !(f.ReservedForSymbolUsd > 0) && f.SymbolsHeldOrReserved >= _maxOpenPositions)
            || opening * price > f.BuyingPower - f.ReservedTotalUsd
            || -(f.DayRealisedUsd + f.DayUnrealisedUsd) >= _maxDailyLoss
            || f.BreakerTripped
            || DrawdownBreaker.LimitReached(f.Equity, f.DayPeak, f.AllTimePeak, _maxDailyDrawdownPct, _maxDrawdownPct))
        {
            return false;
        }

        return !f.EntryLocked;
    }

    private bool OrderRateOk(in RiskFigures f) => f.OrdersInLastMinute < _maxOrdersPerMinute;

    /// <summary>The pattern-day-trader rule: only an order closing part of a position opened today is a day trade.</summary>
    private bool PdtOk(in RiskFigures f)
    {
        var closesSome = f.PositionQuantity != 0 && Math.Sign(f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity) != Math.Sign(f.PositionQuantity);
        if (!closesSome || !f.PositionOpenedToday || f.Equity >= _pdtThreshold)
        {
            return true;
        }

        return f.PatternDayTrader != true && f.DayTradeCount is { } count && count < _maxDayTrades;
    }
}
