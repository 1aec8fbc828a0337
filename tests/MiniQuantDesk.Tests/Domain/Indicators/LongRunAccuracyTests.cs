using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>
/// A million updates must leave no drift in the rolling sums: after a flat window the deviation is exactly
/// 0 and the mean exactly the price. Plain running sums (add new, subtract old) in double would keep the
/// accumulated rounding of every earlier window.
/// </summary>
public sealed class LongRunAccuracyTests
{
    [Fact]
    public void Bollinger_and_sma_do_not_drift_over_a_million_bars()
    {
        var random = new Random(20190211);
        var bb = new BollingerBands(20, 2);
        var sma = new SimpleMovingAverage(20);
        double plainSum = 0, plainSquares = 0;
        var window = new Queue<double>();
        for (var i = 0; i < 1_000_000; i++)
        {
            var price = (double)(600m + random.Next(-5000, 5000) / 100m) + (i % 7 == 0 ? 0.0000000001 : 0);
            Feed(price);
        }

        for (var i = 0; i < 20; i++)
        {
            Feed(621.35);
        }

        Assert.Equal(0.0, bb.StandardDeviation);
        Assert.Equal(621.35, bb.Middle, 12);
        Assert.Equal(621.35, sma.Value, 12);
        Assert.Equal(bb.Middle, bb.Upper);

        // What the naive running sums make of the same flat window (documents why they are not used).
        var naiveVariance = (plainSquares / 20) - ((plainSum / 20) * (plainSum / 20));
        Assert.NotEqual(0.0, naiveVariance);

        void Feed(double price)
        {
            bb.Update(price);
            sma.Update(price);
            window.Enqueue(price);
            plainSum += price;
            plainSquares += price * price;
            if (window.Count > 20)
            {
                var old = window.Dequeue();
                plainSum -= old;
                plainSquares -= old * old;
            }
        }
    }
}
