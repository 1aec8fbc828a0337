using System.Globalization;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The limits that only orders adding risk meet: an order that shrinks a position skips all of them,
/// so the trader can always get out (HALTED aside).
/// </summary>
internal static class EntryLimits
{
    public static void Check(RiskInputs inputs, OrderImpact? impact, List<RiskReason> reasons)
    {
        if (inputs.Options is not { } o)
        {
            return;
        }

        if (impact is not null && inputs.Intent is { } intent)
        {
            var symbol = intent.Symbol;
            MaxOrderNotional(impact, o, reasons);
            if (inputs is { Positions: { } positions, Reserved: { } reserved })
            {
                MaxPositionSize(symbol, impact, reserved, o, reasons);
                MaxPortfolioExposure(symbol, impact, positions, reserved, o, reasons);
                MaxOpenPositions(symbol, impact, positions, reserved, o, reasons);
            }

            if (inputs is { Account: { } account, Reserved: { } r })
            {
                BuyingPower(impact, account, r, reasons);
            }
        }

        DailyLoss(inputs, o, reasons);
        Drawdown(inputs, o, reasons);
        Locks(inputs, reasons);
    }

    private static void MaxOrderNotional(OrderImpact impact, RiskOptions o, List<RiskReason> reasons)
    {
        if (impact.NotionalUsd > o.MaxOrderNotionalUsd)
        {
            reasons.Add(new(RiskReasonCode.MaxOrderNotional,
                $"order notional {RiskText.Usd(impact.NotionalUsd)} ({RiskText.Num(impact.OrderQuantity)} at {RiskText.Num(impact.Price)}) is above Risk:MaxOrderNotionalUsd {RiskText.Usd(o.MaxOrderNotionalUsd)}"));
        }
    }

    private static void MaxPositionSize(string symbol, OrderImpact impact, ReservedExposure reserved, RiskOptions o, List<RiskReason> reasons)
    {
        var inFlight = reserved.For(symbol);
        var size = impact.PositionAfterUsd + inFlight;
        if (size > o.MaxPositionSizeUsd)
        {
            reasons.Add(new(RiskReasonCode.MaxPositionSize,
                $"{symbol} position after the order would be {RiskText.Usd(size)} ({RiskText.Num(impact.PositionAfter)} shares at {RiskText.Num(impact.Price)} plus {RiskText.Usd(inFlight)} in flight), above Risk:MaxPositionSizeUsd {RiskText.Usd(o.MaxPositionSizeUsd)}"));
        }
    }

    private static void MaxPortfolioExposure(string symbol, OrderImpact impact, IReadOnlyDictionary<string, PositionSnapshot> positions, ReservedExposure reserved, RiskOptions o, List<RiskReason> reasons)
    {
        var others = positions.Where(p => !string.Equals(p.Key, symbol, StringComparison.Ordinal)).Sum(p => Math.Abs(p.Value.MarketValue));
        var gross = others + impact.PositionAfterUsd + reserved.TotalUsd;
        if (gross > o.MaxPortfolioExposureUsd)
        {
            reasons.Add(new(RiskReasonCode.MaxPortfolioExposure,
                $"gross exposure after the order would be {RiskText.Usd(gross)} ({RiskText.Usd(others)} other positions + {RiskText.Usd(impact.PositionAfterUsd)} {symbol} + {RiskText.Usd(reserved.TotalUsd)} in flight), above Risk:MaxPortfolioExposureUsd {RiskText.Usd(o.MaxPortfolioExposureUsd)}"));
        }
    }

    private static void MaxOpenPositions(string symbol, OrderImpact impact, IReadOnlyDictionary<string, PositionSnapshot> positions, ReservedExposure reserved, RiskOptions o, List<RiskReason> reasons)
    {
        if (!impact.OpensNewSymbol || reserved.For(symbol) > 0)
        {
            return;
        }

        var held = positions.Where(p => p.Value.Quantity != 0).Select(p => p.Key)
            .Union(reserved.BySymbolUsd.Where(r => r.Value > 0).Select(r => r.Key), StringComparer.Ordinal)
            .Count();
        if (held >= o.MaxOpenPositions)
        {
            reasons.Add(new(RiskReasonCode.MaxOpenPositions, string.Create(CultureInfo.InvariantCulture,
                $"opening {symbol} would make {held + 1} symbols held or in flight (limit Risk:MaxOpenPositions {o.MaxOpenPositions})")));
        }
    }

    private static void BuyingPower(OrderImpact impact, AccountSnapshot account, ReservedExposure reserved, List<RiskReason> reasons)
    {
        var available = account.BuyingPower - reserved.TotalUsd;
        if (impact.AddedExposureUsd > available)
        {
            reasons.Add(new(RiskReasonCode.InsufficientBuyingPower,
                $"the order needs {RiskText.Usd(impact.AddedExposureUsd)} of buying power; {RiskText.Usd(account.BuyingPower)} minus {RiskText.Usd(reserved.TotalUsd)} reserved leaves {RiskText.Usd(available)}"));
        }
    }

    private static void DailyLoss(RiskInputs inputs, RiskOptions o, List<RiskReason> reasons)
    {
        if (inputs.DayPnl is { } pnl && -pnl.TotalUsd >= o.MaxDailyLossUsd)
        {
            reasons.Add(new(RiskReasonCode.MaxDailyLoss,
                $"the day's P&L is {RiskText.Usd(pnl.TotalUsd)} ({RiskText.Usd(pnl.RealisedUsd)} realised + {RiskText.Usd(pnl.UnrealisedUsd)} unrealised), at or beyond the loss limit Risk:MaxDailyLossUsd {RiskText.Usd(o.MaxDailyLossUsd)}"));
        }
    }

    private static void Drawdown(RiskInputs inputs, RiskOptions o, List<RiskReason> reasons)
    {
        if (inputs.Breaker is { IsTripped: true } breaker)
        {
            reasons.Add(new(RiskReasonCode.DrawdownBreaker, string.Create(CultureInfo.InvariantCulture,
                $"the drawdown breaker tripped at {breaker.TrippedAt:O} ({breaker.TripReason}) and stays tripped until a person re-arms it")));
            return;
        }

        if (inputs is { Account: { } account, Peaks: { } peaks })
        {
            var reading = DrawdownBreaker.Read(account.Equity, peaks, o);
            if (reading.ShouldTrip)
            {
                reasons.Add(new(RiskReasonCode.DrawdownBreaker, $"the drawdown breaker trips: {reading.Reason}"));
            }
        }
    }

    private static void Locks(RiskInputs inputs, List<RiskReason> reasons)
    {
        if (inputs is not { Locks: { } locks, Now: { } now, Intent: { } intent })
        {
            return;
        }

        foreach (var active in locks.Where(l => l.BlocksEntry(intent.Symbol, now)))
        {
            reasons.Add(new(RiskReasonCode.ProtectionLock, string.Create(CultureInfo.InvariantCulture,
                $"{active.Kind} lock '{active.Id}' ({active.Scope}) blocks entries until {active.Expiry:O}: {active.Reason}")));
        }
    }
}
