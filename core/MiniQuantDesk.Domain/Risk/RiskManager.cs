using System.Globalization;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The pre-trade risk check, fail closed: a pure function of (intent, context, options) that lists every
/// reason to refuse. It never throws: a missing or impossible input is itself a reason, and an
/// unexpected failure becomes <see cref="RiskReasonCode.InternalError"/>.
/// HALTED blocks everything. An order that only shrinks a position (a way out) skips the entry limits
/// (notional, position size, exposure, position count, buying power, daily loss, drawdown, locks).
/// </summary>
public static class RiskManager
{
    public static RiskVerdict Evaluate(OrderIntent? intent, RiskContext? context, RiskOptions? options)
    {
        try
        {
            return EvaluateUnguarded(intent, context, options);
        }
#pragma warning disable CA1031 // Fail closed: any failure at all must become a refusal, never an order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new RiskVerdict(
                [new RiskReason(RiskReasonCode.InternalError, $"risk check failed ({ex.GetType().Name}: {ex.Message}); refusing")],
                false, 0m, 0m);
        }
    }

    private static RiskVerdict EvaluateUnguarded(OrderIntent? intent, RiskContext? context, RiskOptions? options)
    {
        var reasons = new List<RiskReason>();
        var inputs = RiskInputs.Read(intent, context, options, reasons);

        // Without positions we cannot tell an exit from an entry: treat the order as an entry (stricter).
        var impact = inputs.Intent is { } i
            ? OrderImpact.Of(i, inputs.Positions is { } p && p.TryGetValue(i.Symbol, out var pos) ? pos : null)
            : null;
        var reduces = impact is { ReducesPosition: true } && inputs.Positions is not null;

        CheckTradingState(inputs, reduces, reasons);
        CheckMarketOpen(inputs, reasons);
        CheckStaleBar(inputs, reasons);
        CheckPriceBand(inputs, reasons);
        SpreadCheck.Check(intent, context?.Quote, options, reasons);
        if (!reduces)
        {
            EntryLimits.Check(inputs, impact, reasons);
        }

        CheckOrderRate(inputs, reasons);
        CheckPatternDayTrader(inputs, impact, reasons);

        return new RiskVerdict(reasons, reduces, impact?.NotionalUsd ?? 0m, reduces ? 0m : impact?.AddedExposureUsd ?? 0m);
    }

    private static void CheckTradingState(RiskInputs inputs, bool reduces, List<RiskReason> reasons)
    {
        switch (inputs.State)
        {
            case TradingState.Halted:
                reasons.Add(new(RiskReasonCode.TradingHalted, "trading is HALTED (kill switch): no order passes, exits included"));
                break;
            case TradingState.Reducing when !reduces:
                reasons.Add(new(RiskReasonCode.ReducingOnly,
                    "trading is REDUCING (entries paused): only an order that shrinks an existing position passes, and this one opens, grows or flips a position"));
                break;
        }
    }

    private static void CheckMarketOpen(RiskInputs inputs, List<RiskReason> reasons)
    {
        if (inputs.MarketOpen == false)
        {
            reasons.Add(new(RiskReasonCode.MarketClosed, "the market's regular session is closed"));
        }
    }

    private static void CheckStaleBar(RiskInputs inputs, List<RiskReason> reasons)
    {
        if (inputs is not { LastBar: { } bar, Now: { } now, Options: { } o })
        {
            return;
        }

        var end = bar.Start.AddSeconds(o.BarLengthSeconds);
        var age = now - end;
        if (age > TimeSpan.FromSeconds(o.MaxBarAgeSeconds))
        {
            reasons.Add(new(RiskReasonCode.StaleBar, string.Create(CultureInfo.InvariantCulture,
                $"the last {bar.Symbol} bar ended at {end:O}, {age.TotalSeconds:0.###} s before now {now:O} (limit Risk:MaxBarAgeSeconds {o.MaxBarAgeSeconds} s)")));
        }
    }

    private static void CheckPriceBand(RiskInputs inputs, List<RiskReason> reasons)
    {
        if (inputs is not { LastBar: { } bar, Intent: { } intent, Options: { } o })
        {
            return;
        }

        Band("reference price", intent.ReferencePrice);
        if (intent.LimitPrice is { } limit)
        {
            Band("limit price", limit);
        }

        void Band(string what, decimal price)
        {
            var gap = Math.Abs(price - bar.Close);
            // gap * 100 > pct * close, i.e. gap / close > pct %, without dividing.
            if (gap * 100m > o.MaxPriceDeviationPct * bar.Close)
            {
                reasons.Add(new(RiskReasonCode.PriceOutOfBand,
                    $"{what} {RiskText.Num(price)} is {RiskText.Pct(gap / bar.Close * 100m)} from the last close {RiskText.Num(bar.Close)} (limit Risk:MaxPriceDeviationPct {RiskText.Pct(o.MaxPriceDeviationPct)})"));
            }
        }
    }

    private static void CheckOrderRate(RiskInputs inputs, List<RiskReason> reasons)
    {
        if (inputs is not { RecentOrders: { } recent, Now: { } now, Options: { } o })
        {
            return;
        }

        // Window (now - 60 s, now]; instants after now are counted too, as they can only mean more orders.
        var since = now - TimeSpan.FromMinutes(1);
        var count = recent.Count(t => t > since);
        if (count >= o.MaxOrdersPerMinute)
        {
            reasons.Add(new(RiskReasonCode.MaxOrderRate, string.Create(CultureInfo.InvariantCulture,
                $"{count} orders were sent in the 60 s before {now:O} (limit Risk:MaxOrdersPerMinute {o.MaxOrdersPerMinute})")));
        }
    }

    private static void CheckPatternDayTrader(RiskInputs inputs, OrderImpact? impact, List<RiskReason> reasons)
    {
        // A day trade here: the order closes or reduces a position opened in the same session.
        if (impact is not { ClosesSome: true, PositionOpenedToday: true } || inputs is not { Account: { } account, Options: { } o })
        {
            return;
        }

        if (account.Equity >= o.PdtEquityThresholdUsd)
        {
            return;
        }

        var under = $"equity {RiskText.Usd(account.Equity)} is under Risk:PdtEquityThresholdUsd {RiskText.Usd(o.PdtEquityThresholdUsd)} and this order closes a position opened today (a day trade)";
        if (account.PatternDayTrader == true)
        {
            reasons.Add(new(RiskReasonCode.PatternDayTrader, $"{under}, and the account is flagged pattern_day_trader"));
        }
        else if (account.DayTradeCount is not { } count)
        {
            reasons.Add(new(RiskReasonCode.MissingDayTradeCount, $"{under}, and the broker gave no daytrade_count"));
        }
        else if (count >= o.MaxDayTrades)
        {
            reasons.Add(new(RiskReasonCode.PatternDayTrader, string.Create(CultureInfo.InvariantCulture,
                $"{under}, and daytrade_count is {count} (limit Risk:MaxDayTrades {o.MaxDayTrades})")));
        }
    }
}
