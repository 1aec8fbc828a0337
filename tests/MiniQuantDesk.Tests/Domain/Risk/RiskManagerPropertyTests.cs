using CsCheck;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>
/// Random intents, contexts and options — missing pieces, absurd numbers, undefined enum values —
/// never make the manager throw or fall into its last-resort catch, and its verdicts obey the fail-closed rules.
/// </summary>
public sealed class RiskManagerPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);

    private static readonly Gen<decimal> Money = Gen.Frequency(
        (6, Gen.Decimal[-200_000m, 200_000m]),
        (1, Gen.OneOf(0m, -0.01m, 0.0000001m, 25_000m, decimal.MaxValue, decimal.MinValue, 1e20m, -1e20m)));

    private static readonly Gen<decimal> Quantity = Gen.Frequency(
        (6, Gen.Int[-300, 300].Select(i => (decimal)i)),
        (1, Gen.OneOf(0.5m, 1e15m, decimal.MaxValue, decimal.MinValue)));

    private static readonly Gen<DateTimeOffset> Instant = Gen.Int[-7_200, 7_200].Select(s => T0.AddSeconds(s));

    private static readonly Gen<string> Symbol = Gen.OneOf("AAPL", "MSFT", "TSLA", "", " ");

    private static readonly Gen<OrderIntent?> Intent = Gen.Select(
            Symbol, Gen.Int[0, 2], Quantity, Gen.Int[0, 2], Gen.Nullable(Money, 0.5), Money, Instant)
        .Select((symbol, side, qty, type, limit, reference, barTime) => new OrderIntent(
            "id", symbol, (OrderSide)side, qty, (OrderType)type, limit, barTime, "set", reference))
        .Null(0.05);

    private static readonly Gen<AccountSnapshot?> Account = Gen.Select(Money, Money, Money, Gen.Nullable(Gen.Bool, 0.3), Gen.Nullable(Gen.Int[-1, 5], 0.3))
        .Select((equity, cash, bp, pdt, count) => new AccountSnapshot(equity, cash, bp, pdt, count))
        .Null(0.1);

    private static readonly Gen<IReadOnlyDictionary<string, PositionSnapshot>?> PositionsGen =
        Gen.Select(Symbol, Quantity, Money, Gen.Bool).Select((s, q, mv, today) => (s, new PositionSnapshot(q, mv, today)))
            .Array[0, 4]
            .Select(rows => (IReadOnlyDictionary<string, PositionSnapshot>)rows.DistinctBy(r => r.s).ToDictionary(r => r.s, r => r.Item2))
            .Null(0.1);

    private static readonly Gen<ReservedExposure?> ReservedGen = Gen.Select(Money, Gen.Select(Symbol, Money).Array[0, 3])
        .Select((total, rows) => new ReservedExposure(total, rows.DistinctBy(r => r.Item1).ToDictionary(r => r.Item1, r => r.Item2)))
        .Null(0.1);

    private static readonly Gen<Bar?> BarGen = Gen.Nullable(
        Gen.Select(Symbol, Instant, Money).Select((s, start, close) => new Bar(s, start, close, close, close, close, 100)),
        0.1);

    private static readonly Gen<ProtectionLock> LockGen = Gen.Select(Gen.Null(Symbol, 0.5), Instant, Gen.Int[1, 7_200])
        .Select((s, start, seconds) => ProtectionLock.Create(ProtectionKind.LossStreak, s, start, TimeSpan.FromSeconds(seconds), "random"));

    private static readonly Gen<RiskContext?> ContextGen = Gen.Select(
            Gen.Nullable(Instant, 0.1),
            Gen.Nullable(Gen.Int[0, 3].Select(i => (TradingState)i), 0.1),
            Gen.Nullable(Gen.Bool, 0.1),
            BarGen,
            Account,
            PositionsGen,
            ReservedGen,
            Gen.Null(Gen.Select(Money, Money).Select((r, u) => new DayPnl(r, u)), 0.1),
            Gen.Null(Gen.Select(Money, Money).Select((d, a) => new EquityPeaks(d, a)), 0.1),
            Gen.Null(Gen.OneOf(DrawdownBreakerState.Armed, DrawdownBreakerState.Armed.Trip(T0, "x")), 0.1),
            Gen.Null(Instant.Array[0, 15].Select(a => (IReadOnlyList<DateTimeOffset>)a), 0.1),
            Gen.Null(LockGen.Array[0, 3].Select(a => (IReadOnlyList<ProtectionLock>)a), 0.1),
            (now, state, open, bar, account, positions, reserved, pnl, peaks, breaker, recent, locks) => new RiskContext
        {
            Now = now,
            TradingState = state,
            MarketOpen = open,
            LastBar = bar,
            Account = account,
            Positions = positions,
            Reserved = reserved,
            DayPnl = pnl,
            Peaks = peaks,
            Breaker = breaker,
            RecentOrderInstants = recent,
            ProtectionLocks = locks,
        }).Null(0.05);

    private static readonly Gen<RiskOptions?> OptionsGen = Gen.Frequency(
        (8, Gen.Const(() => (RiskOptions?)new RiskOptions())),
        (1, Gen.Select(Money, Gen.Int[-5, 20]).Select((usd, n) => (RiskOptions?)new RiskOptions { MaxPositionSizeUsd = usd, MaxOpenPositions = n, MaxOrderNotionalUsd = usd })),
        (1, Gen.Const((RiskOptions?)null)));

    [Fact]
    public void Random_inputs_never_throw_and_verdicts_fail_closed()
    {
        Gen.Select(Intent, ContextGen, OptionsGen).Sample((intent, context, options) =>
        {
            var verdict = RiskManager.Evaluate(intent, context, options);

            Assert.DoesNotContain(RiskReasonCode.InternalError, verdict.Codes);
            Assert.All(verdict.Reasons, r =>
            {
                Assert.True(Enum.IsDefined(r.Code));
                Assert.False(string.IsNullOrWhiteSpace(r.Message));
            });
            Assert.Equal(verdict.Approved, verdict.Reasons.Count == 0);

            // Approval needs every input, valid options and a state that lets this order through.
            if (verdict.Approved)
            {
                Assert.NotNull(intent);
                Assert.NotNull(options);
                Assert.Empty(options.Validate());
                Assert.NotNull(context);
                Assert.NotNull(context.Now);
                Assert.NotNull(context.Account);
                Assert.NotNull(context.Positions);
                Assert.NotNull(context.LastBar);
                Assert.True(context.MarketOpen);
                Assert.True(context.TradingState == TradingState.Active
                    || (context.TradingState == TradingState.Reducing && verdict.ReducesPosition));
                Assert.True(intent.Quantity > 0);
                if (!verdict.ReducesPosition)
                {
                    Assert.False(context.Breaker!.IsTripped);
                    Assert.True(verdict.OrderNotionalUsd <= options.MaxOrderNotionalUsd);
                    Assert.True(verdict.AddedExposureUsd <= context.Account.BuyingPower - context.Reserved!.TotalUsd);
                }
            }
            else
            {
                Assert.NotEmpty(verdict.Reasons);
            }

            // A pure function: the same inputs give the same verdict.
            Assert.Equal(verdict.Reasons, RiskManager.Evaluate(intent, context, options).Reasons);
        }, iter: 3_000, threads: 1);
    }

    [Fact]
    public void Random_healthy_entries_are_approved_exactly_when_within_the_limits()
    {
        // Independent reference: the entry limits written out directly for a buy with no position.
        Gen.Select(Gen.Int[1, 200], Gen.Decimal[50m, 150m], Gen.Decimal[0m, 30_000m]).Sample((qty, price, buyingPower) =>
        {
            var intent = RiskScenario.Buy(qty, referencePrice: 100m) with { Type = OrderType.Limit, LimitPrice = price };
            var context = RiskScenario.Context() with
            {
                Account = new AccountSnapshot(100_000m, 0m, buyingPower, false, 0),
                Positions = RiskScenario.Positions(),
            };
            var options = new RiskOptions { MaxPriceDeviationPct = 100m };
            var notional = qty * price;
            var expected = notional <= 10_000m && notional <= buyingPower;

            var verdict = RiskManager.Evaluate(intent, context, options);

            Assert.Equal(expected, verdict.Approved);
        }, iter: 2_000, threads: 1);
    }
}
