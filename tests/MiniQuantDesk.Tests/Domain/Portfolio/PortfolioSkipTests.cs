using CsCheck;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Portfolio;

/// <summary>
/// The backtest asks <see cref="PortfolioManager.MayChange"/> before deciding and skips the decision on false,
/// and it composes the intent only when it needs one (<see cref="PortfolioManager.TryDecide"/>, then
/// <see cref="PortfolioManager.IntentFor"/>). Both shortcuts give what <see cref="PortfolioManager.Decide"/> gives.
/// </summary>
public sealed class PortfolioSkipTests
{
    private static readonly string[] Strategies = ["a", "b", "c"];
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);

    // Signals, whether the session closes, and whether a broker-held stop empties the position first.
    private static readonly Gen<(SignalKind[] Signals, bool Closing, bool Stopped)> StepGen =
        Gen.Select(Gen.Int[0, 2].Select(i => (SignalKind)i).Array[Strategies.Length], Gen.Int[0, 19], Gen.Int[0, 29])
            .Select((signals, closing, stopped) => (signals, closing == 0, stopped == 0));

    [Fact]
    public void Skipping_where_nothing_may_change_gives_the_same_orders_as_deciding_every_bar() =>
        StepGen.Array[1, 80].Sample(steps =>
        {
            var always = new PortfolioManager(Strategies, ["SPY"], new PortfolioOptions());
            var skipping = new PortfolioManager(Strategies, ["SPY"], new PortfolioOptions());
            // As in the backtest, the position moves only by the last order's fill (or a stop that empties it).
            var held = 0m;
            for (var i = 0; i < steps.Length; i++)
            {
                var (signals, closing, stopped) = steps[i];
                held = stopped ? 0m : held;
                var bar = new Bar("SPY", T0.AddMinutes(i), 100m, 100m, 100m, 100m, 1);
                var expected = always.Decide(bar, signals, held, 100_000m, closing);
                OrderIntent? actual = null;
                if (skipping.MayChange(0, signals, held, closing))
                {
                    actual = skipping.TryDecide(bar, 0, signals, held, 100_000m, closing, out var side, out var quantity)
                        ? skipping.IntentFor(bar, side, quantity)
                        : null;
                }
                else
                {
                    Assert.Null(expected);
                }

                Assert.Equal(expected, actual);
                held += expected is null ? 0m : expected.Side == OrderSide.Buy ? expected.Quantity : -expected.Quantity;
            }
        });

    [Fact]
    public void A_buy_on_an_empty_sleeve_may_change_and_a_buy_on_a_held_one_may_not()
    {
        var portfolio = new PortfolioManager(["a"], ["SPY"], new PortfolioOptions());
        var bar = new Bar("SPY", T0, 100m, 100m, 100m, 100m, 1);
        Assert.True(portfolio.MayChange(0, [SignalKind.Buy], 0m, sessionClosing: false));
        Assert.NotNull(portfolio.Decide(bar, [SignalKind.Buy], 0m, 10_000m, sessionClosing: false)); // sleeve: floor(0.95 × 10000 / 100) = 95
        Assert.False(portfolio.MayChange(0, [SignalKind.Buy], 95m, sessionClosing: false));
        Assert.False(portfolio.MayChange(0, [SignalKind.Sell], 0m, sessionClosing: false)); // flat: the sleeve counts as empty
        Assert.True(portfolio.MayChange(0, [SignalKind.Sell], 95m, sessionClosing: false));
    }
}
