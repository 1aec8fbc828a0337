using CsCheck;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>
/// <see cref="RiskScreen"/> gives the full <see cref="RiskManager.Evaluate"/> verdict on every context it covers:
/// random contexts and options straddling every limit (sizes, exposure, counts, buying power, daily loss,
/// drawdown, locks, order rate, PDT, stale bars, the price band, absurd inputs), compared verdict by verdict.
/// </summary>
public sealed class RiskScreenTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] Symbols = ["AAPL", "MSFT", "TSLA", "SPY"];

    private static readonly Gen<decimal> Usd = Gen.Frequency(
        (12, Gen.Int[-2_000_000, 20_000_000].Select(c => c / 100m)),
        (1, Gen.OneOf(0m, 0.01m, 25_000m, 2e12m, -2e12m)));

    // Equity, buying power, peaks: mostly plausible, sometimes absurd.
    private static readonly Gen<decimal> Positive = Gen.Frequency(
        (30, Gen.Int[1, 20_000_000].Select(c => c / 100m)),
        (1, Gen.OneOf(0m, -1m, 2e12m)));

    private static readonly Gen<decimal> Small = Gen.Frequency(
        (30, Gen.Int[-30_000, 30_000].Select(c => c / 100m)),
        (1, Gen.OneOf(-2e12m, 2e12m)));

    private static readonly Gen<decimal> Shares = Gen.Frequency(
        (30, Gen.Int[-300, 300].Select(i => (decimal)i)),
        (1, Gen.OneOf(0.5m, 2e9m)));

    private static readonly Gen<decimal> OrderShares = Gen.Frequency(
        (30, Gen.Int[1, 300].Select(i => (decimal)i)),
        (1, Gen.OneOf(0m, 0.5m, 2e9m)));

    private static readonly Gen<decimal> Reserved = Gen.Frequency(
        (30, Gen.Int[0, 500_000].Select(c => c / 100m)),
        (1, Gen.OneOf(-0.01m, 2e12m)));

    private static readonly Gen<decimal> Price = Gen.Frequency(
        (12, Gen.Int[1, 5_000_000].Select(c => c / 10_000m)),
        (1, Gen.OneOf(0m, 0.00001m, 2e7m)));

    private static readonly Gen<RiskOptions> OptionsGen = Gen.Select(
            Gen.Select(Gen.Int[1, 200_000], Gen.Int[1, 400_000], Gen.Int[1, 5], Gen.Int[1, 200_000], Gen.Int[1, 5_000]),
            Gen.Select(Gen.Int[1, 100], Gen.Int[1, 100], Gen.Int[1, 10], Gen.Int[1, 20], Gen.Int[0, 120]),
            Gen.Select(Gen.Int[0, 50_000], Gen.Int[0, 4], Gen.Bool, Gen.Int[0, 9]))
        .Select((limits, pcts, pdt) => new RiskOptions
        {
            MaxPositionSizeUsd = limits.Item1,
            MaxPortfolioExposureUsd = limits.Item2,
            MaxOpenPositions = limits.Item3,
            MaxOrderNotionalUsd = limits.Item4,
            MaxDailyLossUsd = limits.Item5,
            MaxDailyDrawdownPct = pcts.Item1,
            MaxDrawdownPct = pcts.Item2,
            MaxPriceDeviationPct = pcts.Item3,
            MaxOrdersPerMinute = pcts.Item4,
            MaxBarAgeSeconds = pcts.Item5,
            PdtEquityThresholdUsd = pdt.Item1,
            MaxDayTrades = pdt.Item2,
            AllowFractionalShares = pdt.Item3,
            RequireQuoteForMarketOrders = pdt.Item4 == 0,
        });

    private static readonly Gen<(OrderIntent Intent, RiskContext Context)> CaseGen =
        Gen.Select(
                Gen.Select(Gen.Int[0, Symbols.Length - 1], Gen.Bool, OrderShares, Price, Gen.Frequency((6, Gen.Int[-100, 100]), (1, Gen.Int[-1_000, 1_000]))),
                Gen.Select(Gen.Frequency((6, Gen.Int[60, 120]), (1, Gen.Int[-30, 300])), Positive, Usd, Positive, Gen.Nullable(Gen.Bool, 0.2), Gen.Nullable(Gen.Int[-1, 5], 0.2)),
                Gen.Select(Gen.Select(Gen.Int[0, Symbols.Length - 1], Shares, Small, Gen.Bool).Array[0, 4], Gen.Select(Gen.Int[0, Symbols.Length - 1], Reserved).Array[0, 3], Reserved),
                Gen.Select(Small, Small, Gen.Frequency((20, Gen.Int[0, 60]), (1, Gen.OneOf(-1, 1_000_000_000))), Gen.Int[0, 120], Gen.Int[0, 9]),
                Gen.Select(Gen.Int[-150, 30].Array[0, 6], Gen.Select(Gen.Int[0, Symbols.Length], Gen.Int[-120, 60], Gen.Int[1, 300]).Array[0, 2]))
            .Select((order, account, holdings, day, clock) =>
            {
                var symbol = Symbols[order.Item1];
                var close = order.Item4;
                // The reference price within a few % of the close (sometimes outside the band).
                var reference = close + (close * order.Item5 / 10_000m);
                var intent = new OrderIntent("mqd-1", symbol, order.Item2 ? OrderSide.Buy : OrderSide.Sell, order.Item3, OrderType.Market, null, T0, "set", reference);
                var positions = holdings.Item1.DistinctBy(p => p.Item1)
                    .ToDictionary(p => Symbols[p.Item1], p => new PositionSnapshot(p.Item2, p.Item3, p.Item4), StringComparer.Ordinal);
                var reserved = holdings.Item2.DistinctBy(r => r.Item1).ToDictionary(r => Symbols[r.Item1], r => r.Item2, StringComparer.Ordinal);
                var locks = clock.Item2.Select(l => ProtectionLock.Create(ProtectionKind.LossStreak, l.Item1 == Symbols.Length ? null : Symbols[l.Item1], T0.AddSeconds(l.Item2), TimeSpan.FromSeconds(l.Item3), "random")).ToList();
                var context = new RiskContext
                {
                    Now = T0.AddSeconds(account.Item1),
                    TradingState = TradingState.Active,
                    MarketOpen = true,
                    LastBar = new Bar(symbol, T0, close, close, close, close, 100),
                    Account = new AccountSnapshot(account.Item2, account.Item3, account.Item4, account.Item5, account.Item6),
                    Positions = positions,
                    Reserved = new ReservedExposure(holdings.Item3, reserved),
                    DayPnl = new DayPnl(day.Item1, day.Item2),
                    // Peaks a little above equity (in 0.1 % steps), sometimes absurd; the breaker tripped one time in ten.
                    Peaks = new EquityPeaks(Math.Max(0m, account.Item2) * (1m + (day.Item3 / 1_000m)), Math.Max(0m, account.Item2) * (1m + (day.Item4 / 1_000m))),
                    Breaker = day.Item5 == 0 ? DrawdownBreakerState.Armed.Trip(T0, "test") : DrawdownBreakerState.Armed,
                    RecentOrderInstants = [.. clock.Item1.Select(s => T0.AddSeconds(s))],
                    ProtectionLocks = locks,
                };
                return (intent, context);
            });

    [Fact]
    public void The_screen_gives_the_full_verdict_on_every_context_it_covers()
    {
        var approved = 0;
        var refused = 0;
        var codes = new System.Collections.Concurrent.ConcurrentDictionary<RiskReasonCode, int>();
        Gen.Select(CaseGen, OptionsGen).Sample((c, options) =>
        {
            Assert.True(RiskFigures.TryFrom(c.Intent, c.Context, out var figures));
            var full = RiskManager.Evaluate(c.Intent, c.Context, options);
            Assert.Equal(full.Approved, new RiskScreen(options).Approves(figures));
            _ = full.Approved ? Interlocked.Increment(ref approved) : Interlocked.Increment(ref refused);
            foreach (var code in full.Codes)
            {
                codes.AddOrUpdate(code, 1, (_, n) => n + 1);
            }

        }, iter: 20_000);

        // Both verdicts really occur, so the comparison above could have failed either way.
        Assert.True(approved > 1_000 && refused > 1_000, $"approved {approved}, refused {refused}: {string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))}");
    }

    [Fact]
    public void Contexts_outside_the_screen_are_not_reduced()
    {
        var (intent, context) = CaseGen.Single();
        Assert.False(RiskFigures.TryFrom(intent, context with { TradingState = TradingState.Reducing }, out _));
        Assert.False(RiskFigures.TryFrom(intent, context with { Quote = new QuoteSnapshot(1m, 1.01m) }, out _));
        Assert.False(RiskFigures.TryFrom(intent, context with { Account = null }, out _));
        Assert.False(RiskFigures.TryFrom(intent with { Type = OrderType.Limit, LimitPrice = 1m }, context, out _));
        Assert.False(RiskFigures.TryFrom(intent with { Symbol = "OTHER" }, context, out _));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_setting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RiskScreen(new RiskOptions { MaxOpenPositions = 0 }));
        Assert.Contains("Risk:MaxOpenPositions", ex.Message, StringComparison.Ordinal);
    }
}
