using System.Globalization;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The inputs that survived validation: each is null when it was missing or impossible, and then a
/// reason saying so has been recorded. Checks run only on what is usable, so one bad input never hides
/// the other reasons, and nothing downstream can meet a null or an absurd number.
/// </summary>
internal sealed class RiskInputs
{
    /// <summary>Per-share prices outside [MinPrice, MaxPrice] are treated as absurd.</summary>
    public const decimal MinPrice = 0.0001m;
    public const decimal MaxPrice = 10_000_000m;
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxCollectionSize = 100_000;
    private const decimal SaneUsd = RiskOptions.SaneUsdLimit;

    public RiskOptions? Options { get; private init; }
    public OrderIntent? Intent { get; private init; }
    public DateTimeOffset? Now { get; private init; }
    public TradingState? State { get; private init; }
    public bool? MarketOpen { get; private init; }
    public Bar? LastBar { get; private init; }
    public AccountSnapshot? Account { get; private init; }
    public IReadOnlyDictionary<string, PositionSnapshot>? Positions { get; private init; }
    public ReservedExposure? Reserved { get; private init; }
    public DayPnl? DayPnl { get; private init; }
    public EquityPeaks? Peaks { get; private init; }
    public DrawdownBreakerState? Breaker { get; private init; }
    public IReadOnlyList<DateTimeOffset>? RecentOrders { get; private init; }
    public IReadOnlyList<ProtectionLock>? Locks { get; private init; }

    public static RiskInputs Read(OrderIntent? intent, RiskContext? context, RiskOptions? options, List<RiskReason> reasons)
    {
        var c = context ?? new RiskContext();
        var usableOptions = OrderIntentCheck.ReadOptions(options, reasons);
        var usableIntent = OrderIntentCheck.ReadIntent(intent, usableOptions, reasons);

        return new RiskInputs
        {
            Options = usableOptions,
            Intent = usableIntent,
            Now = Present(c.Now, RiskReasonCode.MissingClock, "the instant now", reasons),
            State = ReadState(c.TradingState, reasons),
            MarketOpen = Present(c.MarketOpen, RiskReasonCode.MissingMarketStatus, "whether the market is open", reasons),
            LastBar = ReadBar(c.LastBar, intent, c.Now, reasons),
            Account = ReadAccount(c.Account, reasons),
            Positions = ReadPositions(c.Positions, reasons),
            Reserved = ReadReserved(c.Reserved, reasons),
            DayPnl = ReadDayPnl(c.DayPnl, reasons),
            Peaks = ReadPeaks(c.Peaks, reasons),
            Breaker = c.Breaker ?? Missing<DrawdownBreakerState>(RiskReasonCode.MissingBreakerState, "the drawdown breaker state", reasons),
            RecentOrders = ReadRecentOrders(c.RecentOrderInstants, reasons),
            Locks = ReadLocks(c.ProtectionLocks, reasons),
        };
    }

    private static TradingState? ReadState(TradingState? state, List<RiskReason> reasons)
    {
        if (state is null)
        {
            reasons.Add(new(RiskReasonCode.MissingTradingState, "the trading state is missing"));
            return null;
        }

        if (!Enum.IsDefined(state.Value))
        {
            // An unknown state is treated as the strictest one.
            reasons.Add(new(RiskReasonCode.InvalidInput, string.Create(CultureInfo.InvariantCulture,
                $"trading state {(int)state.Value} is not ACTIVE, REDUCING or HALTED")));
            return TradingState.Halted;
        }

        return state;
    }

    private static Bar? ReadBar(Bar? bar, OrderIntent? intent, DateTimeOffset? now, List<RiskReason> reasons)
    {
        if (bar is not { } b)
        {
            reasons.Add(new(RiskReasonCode.MissingLastBar, $"there is no last bar for {intent?.Symbol ?? "the symbol"}"));
            return null;
        }

        var before = reasons.Count;
        if (intent is not null && !string.Equals(b.Symbol, intent.Symbol, StringComparison.Ordinal))
        {
            Invalid(reasons, $"the last bar is for '{b.Symbol}', not for '{intent.Symbol}'");
        }

        if (!SanePrice(b.Close))
        {
            Invalid(reasons, $"the last bar's close must be between {RiskText.Num(MinPrice)} and {RiskText.Num(MaxPrice)}, was {RiskText.Num(b.Close)}");
        }

        if (now is { } n && b.Start > n)
        {
            Invalid(reasons, string.Create(CultureInfo.InvariantCulture, $"the last bar starts at {b.Start:O}, after now {n:O}"));
        }

        return reasons.Count == before ? b : null;
    }

    private static AccountSnapshot? ReadAccount(AccountSnapshot? account, List<RiskReason> reasons)
    {
        if (account is null)
        {
            reasons.Add(new(RiskReasonCode.MissingAccount, "the broker account is missing"));
            return null;
        }

        var before = reasons.Count;
        Amount(reasons, "account equity", account.Equity, allowNegative: false);
        Amount(reasons, "account buying power", account.BuyingPower, allowNegative: false);
        Amount(reasons, "account cash", account.Cash, allowNegative: true);
        if (account.DayTradeCount is < 0)
        {
            Invalid(reasons, string.Create(CultureInfo.InvariantCulture, $"daytrade_count must be >= 0, was {account.DayTradeCount}"));
        }

        return reasons.Count == before ? account : null;
    }

    private static IReadOnlyDictionary<string, PositionSnapshot>? ReadPositions(IReadOnlyDictionary<string, PositionSnapshot>? positions, List<RiskReason> reasons)
    {
        if (positions is null)
        {
            reasons.Add(new(RiskReasonCode.MissingPositions, "the current positions are missing"));
            return null;
        }

        if (positions.Count > MaxCollectionSize)
        {
            Invalid(reasons, $"{positions.Count} positions is absurd (limit {MaxCollectionSize})");
            return null;
        }

        var before = reasons.Count;
        foreach (var (symbol, position) in positions)
        {
            if (string.IsNullOrWhiteSpace(symbol) || position is null)
            {
                Invalid(reasons, $"position '{symbol}' has an empty symbol or no data");
                continue;
            }

            if (Math.Abs(position.Quantity) > MaxQuantity)
            {
                Invalid(reasons, $"position {symbol} quantity {RiskText.Num(position.Quantity)} is absurd (limit {RiskText.Num(MaxQuantity)})");
            }

            Amount(reasons, $"position {symbol} market value", position.MarketValue, allowNegative: true);
        }

        return reasons.Count == before ? positions : null;
    }

    private static ReservedExposure? ReadReserved(ReservedExposure? reserved, List<RiskReason> reasons)
    {
        if (reserved is null)
        {
            reasons.Add(new(RiskReasonCode.MissingReservedExposure, "the exposure reserved by in-flight orders is missing"));
            return null;
        }

        var before = reasons.Count;
        Amount(reasons, "reserved exposure total", reserved.TotalUsd, allowNegative: false);
        if (reserved.BySymbolUsd is null)
        {
            reasons.Add(new(RiskReasonCode.MissingReservedExposure, "the per-symbol reserved exposure is missing"));
        }
        else if (reserved.BySymbolUsd.Count > MaxCollectionSize)
        {
            Invalid(reasons, $"{reserved.BySymbolUsd.Count} symbols with reserved exposure is absurd (limit {MaxCollectionSize})");
        }
        else
        {
            foreach (var (symbol, usd) in reserved.BySymbolUsd)
            {
                Amount(reasons, $"reserved exposure for {symbol}", usd, allowNegative: false);
            }
        }

        return reasons.Count == before ? reserved : null;
    }

    private static DayPnl? ReadDayPnl(DayPnl? pnl, List<RiskReason> reasons)
    {
        if (pnl is null)
        {
            reasons.Add(new(RiskReasonCode.MissingDayPnl, "the day's P&L is missing"));
            return null;
        }

        var before = reasons.Count;
        Amount(reasons, "realised P&L", pnl.RealisedUsd, allowNegative: true);
        Amount(reasons, "unrealised P&L", pnl.UnrealisedUsd, allowNegative: true);
        return reasons.Count == before ? pnl : null;
    }

    private static EquityPeaks? ReadPeaks(EquityPeaks? peaks, List<RiskReason> reasons)
    {
        if (peaks is null)
        {
            reasons.Add(new(RiskReasonCode.MissingEquityPeaks, "the equity peaks are missing"));
            return null;
        }

        var before = reasons.Count;
        if (peaks.DayPeak < 0.01m || peaks.DayPeak > SaneUsd)
        {
            Invalid(reasons, $"the day's equity peak must be between $0.01 and {RiskText.Usd(SaneUsd)}, was {RiskText.Num(peaks.DayPeak)}");
        }

        if (peaks.AllTimePeak < 0.01m || peaks.AllTimePeak > SaneUsd)
        {
            Invalid(reasons, $"the all-time equity peak must be between $0.01 and {RiskText.Usd(SaneUsd)}, was {RiskText.Num(peaks.AllTimePeak)}");
        }

        return reasons.Count == before ? peaks : null;
    }

    private static IReadOnlyList<DateTimeOffset>? ReadRecentOrders(IReadOnlyList<DateTimeOffset>? instants, List<RiskReason> reasons)
    {
        if (instants is null)
        {
            reasons.Add(new(RiskReasonCode.MissingRecentOrders, "the instants of recent orders are missing"));
            return null;
        }

        if (instants.Count > MaxCollectionSize)
        {
            Invalid(reasons, $"{instants.Count} recent orders is absurd (limit {MaxCollectionSize})");
            return null;
        }

        return instants;
    }

    private static IReadOnlyList<ProtectionLock>? ReadLocks(IReadOnlyList<ProtectionLock>? locks, List<RiskReason> reasons)
    {
        if (locks is null)
        {
            reasons.Add(new(RiskReasonCode.MissingProtectionLocks, "the protection locks are missing"));
            return null;
        }

        if (locks.Count > MaxCollectionSize || locks.Any(l => l is null))
        {
            Invalid(reasons, "the protection locks contain an empty entry or are absurdly many");
            return null;
        }

        return locks;
    }

    internal static bool SanePrice(decimal price) => DecimalBounds.AtLeast(price, MinPrice) && DecimalBounds.AtMost(price, MaxPrice);

    private static void Amount(List<RiskReason> reasons, string what, decimal value, bool allowNegative)
    {
        if ((!allowNegative && value < 0) || Math.Abs(value) > SaneUsd)
        {
            Invalid(reasons, allowNegative
                ? $"{what} {RiskText.Usd(value)} is absurd (beyond ±{RiskText.Usd(SaneUsd)})"
                : $"{what} must be between $0 and {RiskText.Usd(SaneUsd)}, was {RiskText.Usd(value)}");
        }
    }

    private static void Invalid(List<RiskReason> reasons, string message) =>
        reasons.Add(new(RiskReasonCode.InvalidInput, message));

    private static T? Present<T>(T? value, RiskReasonCode code, string what, List<RiskReason> reasons)
        where T : struct
    {
        if (value is null)
        {
            reasons.Add(new(code, $"{what} is missing"));
        }

        return value;
    }

    private static T? Missing<T>(RiskReasonCode code, string what, List<RiskReason> reasons)
        where T : class
    {
        reasons.Add(new(code, $"{what} is missing"));
        return null;
    }
}
