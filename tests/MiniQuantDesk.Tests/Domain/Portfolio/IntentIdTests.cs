using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;

namespace MiniQuantDesk.Tests.Domain.Portfolio;

public sealed class IntentIdTests
{
    private static readonly DateTimeOffset At = new(2019, 2, 11, 15, 9, 0, TimeSpan.Zero);

    [Fact]
    public void Is_stable_readable_and_within_Alpacas_48_characters()
    {
        var id = IntentId.For("bollinger-reversion+rsi-mean-reversion+sma-crossover+vwap-reversion", "SPY", At, OrderSide.Buy);

        // Same inputs, same id (a re-delivered message cannot become a second order).
        Assert.Equal(id, IntentId.For("bollinger-reversion+rsi-mean-reversion+sma-crossover+vwap-reversion", "SPY", At, OrderSide.Buy));
        Assert.Matches("^mqd-[0-9a-f]{8}-SPY-201902111509-b$", id);

        var longest = IntentId.For("x", new string('A', IntentId.MaxSymbolLength), At, OrderSide.Sell);
        Assert.True(longest.Length <= IntentId.MaxLength, longest);
    }

    [Fact]
    public void The_hash_is_SHA_256_of_the_strategy_set()
    {
        // printf 'sma-crossover' | sha256sum  ->  99d2f35b... (computed outside this code).
        Assert.Equal("mqd-99d2f35b-SPY-201902111509-b", IntentId.For("sma-crossover", "SPY", At, OrderSide.Buy));
    }

    [Fact]
    public void Each_part_changes_the_id()
    {
        var baseline = IntentId.For("sma-crossover", "SPY", At, OrderSide.Buy);
        string[] others =
        [
            IntentId.For("rsi-mean-reversion", "SPY", At, OrderSide.Buy),
            IntentId.For("sma-crossover", "QQQ", At, OrderSide.Buy),
            IntentId.For("sma-crossover", "SPY", At.AddMinutes(1), OrderSide.Buy),
            IntentId.For("sma-crossover", "SPY", At, OrderSide.Sell),
        ];
        Assert.DoesNotContain(baseline, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void A_symbol_too_long_for_the_id_is_refused() =>
        Assert.Throws<ArgumentException>(() => IntentId.For("x", new string('A', IntentId.MaxSymbolLength + 1), At, OrderSide.Buy));
}
