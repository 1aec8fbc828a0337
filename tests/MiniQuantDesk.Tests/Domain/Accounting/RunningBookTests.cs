using CsCheck;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Accounting;

/// <summary>The backtest's in-place ledger books exactly what the live, immutable <see cref="Book"/> books.</summary>
public sealed class RunningBookTests
{
    private static readonly string[] Symbols = ["AAPL", "MSFT", "SPY"];

    // Long and short, partial closes and flips through zero, uneven prices (4 decimals) and commissions.
    private static readonly Gen<(int Slot, bool Buy, int Quantity, decimal Price, decimal Commission, bool NewDay)> FillGen =
        Gen.Select(Gen.Int[0, Symbols.Length - 1], Gen.Bool, Gen.Int[1, 300], Gen.Int[1, 5_000_000], Gen.Int[0, 500], Gen.Int[0, 9])
            .Select(t => (t.Item1, t.Item2, t.Item3, t.Item4 / 10_000m, t.Item5 / 100m, t.Item6 == 0));

    [Fact]
    public void Every_figure_equals_the_immutable_books_after_every_fill() =>
        FillGen.Array[1, 60].Sample(fills =>
        {
            var book = Book.Open(100_000m, Fills.T0);
            var running = new RunningBook(100_000m, Symbols);
            foreach (var f in fills)
            {
                if (f.NewDay)
                {
                    book = book.StartDay(Symbols.ToDictionary(s => s, _ => 1m, StringComparer.Ordinal), Fills.T0);
                    running.StartDay();
                }

                var side = f.Buy ? OrderSide.Buy : OrderSide.Sell;
                var fill = new FillEvent("o", "e", Symbols[f.Slot], side, f.Quantity, f.Price, f.Commission, Fills.T0);
                var change = book.PositionOf(Symbols[f.Slot]).Apply(fill);
                book = book.Apply(fill);
                var realised = running.Apply(f.Slot, side, f.Quantity, f.Price, f.Commission);

                Assert.Equal(change.RealizedPnl, realised);
                Assert.Equal(book.Cash, running.Cash);
                Assert.Equal(book.RealizedPnl, running.RealizedPnl);
                Assert.Equal(book.Commissions, running.Commissions);
                Assert.Equal(book.DayRealizedPnl, running.DayRealizedPnl);
                Assert.Equal(book.DayCommissions, running.DayCommissions);
                for (var slot = 0; slot < Symbols.Length; slot++)
                {
                    var position = book.PositionOf(Symbols[slot]);
                    Assert.Equal(position.Quantity, running.QuantityOf(slot));
                    Assert.Equal(position.CostBasis, running.CostBasisOf(slot));
                }
            }
        });

    [Fact]
    public void A_round_trip_worked_by_hand()
    {
        // Buy 10 at 100, sell 4 at 110 (realises 4 × 10 = 40), sell 10 at 90: closes 6 (6 × −10 = −60) and
        // opens 4 short at 90. Commission 1 per fill. Cash: 100000 − 1000 − 1 + 440 − 1 + 900 − 1 = 100337.
        var running = new RunningBook(100_000m, ["AAPL"]);
        running.Apply(0, OrderSide.Buy, 10m, 100m, 1m);
        Assert.Equal(40m, running.Apply(0, OrderSide.Sell, 4m, 110m, 1m));
        Assert.Equal(-60m, running.Apply(0, OrderSide.Sell, 10m, 90m, 1m));
        Assert.Equal((-4m, -360m, 100_337m, -20m, 3m), (running.QuantityOf(0), running.CostBasisOf(0), running.Cash, running.RealizedPnl, running.Commissions));
    }

    [Fact]
    public void A_bad_fill_is_refused_in_the_books_words_and_moves_nothing()
    {
        var running = new RunningBook(1_000m, ["AAPL"]);
        var ex = Assert.Throws<ArgumentException>(() => running.Apply(0, OrderSide.Buy, 1m, 0m, 0m));
        Assert.Contains("FillEvent.Price must be > 0, was 0", ex.Message, StringComparison.Ordinal);
        Assert.Equal((1_000m, 0m), (running.Cash, running.QuantityOf(0)));
    }
}
