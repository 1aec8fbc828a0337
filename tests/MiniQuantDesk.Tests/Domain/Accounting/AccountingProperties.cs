using CsCheck;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Accounting;

public sealed class AccountingProperties
{
    // Decimal division keeps 28–29 significant digits; sums of such terms may round in the last digit.
    private const decimal Tolerance = 0.000_000_000_000_000_001m;

    private static readonly string[] Symbols = ["AAPL", "MSFT", "SPY"];

    private static readonly Gen<decimal> Price = Gen.Int[1, 50_000].Select(cents => cents / 100m);

    private static Gen<FillEvent> FillGen(bool withCommission) =>
        Gen.Select(Gen.Int[0, Symbols.Length - 1], Gen.Bool, Gen.Int[1, 300], Price, withCommission ? Gen.Int[0, 500] : Gen.Const(0))
            .Select(t => new FillEvent("intent", FormattableString.Invariant($"exec-{t.Item3}-{t.Item4}"), Symbols[t.Item1], t.Item2 ? OrderSide.Buy : OrderSide.Sell, t.Item3, t.Item4, t.Item5 / 100m, Fills.T0));

    private static readonly Gen<Dictionary<string, decimal>> MarksGen =
        Price.Array[Symbols.Length].Select(prices => Symbols.Zip(prices).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));

    [Fact]
    public void Equity_change_is_realised_plus_unrealised_minus_commissions() =>
        Gen.Select(Gen.Bool, Gen.Bool).SelectMany(t => Gen.Select(FillGen(t.Item1).Array[0, 40], MarksGen))
            .Sample(t =>
            {
                var (fills, marks) = t;
                var start = Book.Open(100_000m, Fills.T0);
                var book = fills.Aggregate(start, (b, f) => b.Apply(f));
                var value = book.Value(marks);

                var change = value.Equity - start.Equity(marks);
                Assert.InRange(change - (book.RealizedPnl + value.UnrealizedPnl - book.Commissions), -Tolerance, Tolerance);
                Assert.Equal(fills.Sum(f => f.Commission), book.Commissions);
                Assert.All(book.Positions.Values, p => Assert.True(p.Quantity != 0m && p.AverageCost > 0m));
            }, iter: 1000);

    [Fact]
    public void Buying_and_selling_the_same_quantity_at_the_same_price_costs_only_the_commissions() =>
        Gen.Select(FillGen(withCommission: true).Array[0, 20], FillGen(withCommission: true), Gen.Int[0, 500], MarksGen)
            .Sample(t =>
            {
                var (history, open, closeCommissionCents, marks) = t;
                var before = history.Aggregate(Book.Open(100_000m, Fills.T0), (b, f) => b.Apply(f));
                var close = open with
                {
                    ExecutionId = open.ExecutionId + "-close",
                    Side = open.Side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy,
                    Commission = closeCommissionCents / 100m,
                };

                var after = before.Apply(open).Apply(close);

                var expected = before.Equity(marks) - open.Commission - close.Commission;
                Assert.InRange(after.Equity(marks) - expected, -Tolerance, Tolerance);
                Assert.Equal(before.PositionOf(open.Symbol).Quantity, after.PositionOf(open.Symbol).Quantity);
            }, iter: 1000);

    [Fact]
    public void A_split_leaves_equity_and_realised_pnl_unchanged() =>
        Gen.Select(FillGen(withCommission: true).Array[1, 20], Gen.OneOf(Gen.Const(2m), Gen.Const(3m), Gen.Const(1.5m), Gen.Const(0.5m), Gen.Const(0.1m), Gen.Const(7m)), MarksGen)
            .Sample(t =>
            {
                var (fills, ratio, marks) = t;
                var book = fills.Aggregate(Book.Open(100_000m, Fills.T0), (b, f) => b.Apply(f));
                var symbol = fills[0].Symbol;

                var split = book.ApplySplit(symbol, ratio, Fills.T0);
                var adjusted = new Dictionary<string, decimal>(marks, StringComparer.Ordinal) { [symbol] = marks[symbol] / ratio };

                Assert.InRange(split.Equity(adjusted) - book.Equity(marks), -Tolerance, Tolerance);
                Assert.Equal(book.RealizedPnl, split.RealizedPnl);
                Assert.Equal(book.PositionOf(symbol).CostBasis, split.PositionOf(symbol).CostBasis);
            }, iter: 1000);
}
