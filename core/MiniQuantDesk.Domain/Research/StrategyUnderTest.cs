using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>A strategy as the bias checks see it: a name, how to make it, and its declared warm-up.</summary>
public sealed record StrategyUnderTest(string Name, StrategyFactory Create, DeclaredWarmUp WarmUp)
{
    /// <summary>
    /// A built-in strategy with its declared warm-up: <c>sma-crossover</c> Slow bars (the slow window plus the
    /// previous sign); <c>bollinger-reversion</c> BollingerPeriod bars; <c>rsi-mean-reversion</c> 20 × RsiPeriod
    /// + 1 bars (Wilder smoothing never forgets exactly: after k bars the seed weighs (1 − 1/n)^k, about 2e-9
    /// after 20 periods, far below a cent's effect on the RSI); <c>vwap-reversion</c> none, but from a session's
    /// first bar (the VWAP resets at each New York date).
    /// </summary>
    public static StrategyUnderTest BuiltIn(string name, StrategyOptions options, IndicatorSetOptions indicators)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(indicators);
        var unknown = StrategyCatalog.Check(name);
        if (unknown is not null)
        {
            throw new ArgumentException(unknown, nameof(name));
        }

        var warmUp = name switch
        {
            SmaCrossover.CatalogName => new DeclaredWarmUp(options.SmaCrossover.Slow),
            RsiMeanReversion.CatalogName => new DeclaredWarmUp((20 * indicators.RsiPeriod) + 1),
            BollingerReversion.CatalogName => new DeclaredWarmUp(indicators.BollingerPeriod),
            _ => new DeclaredWarmUp(0, FromSessionStart: true),
        };
        return new StrategyUnderTest(name, (symbol, _) => StrategyCatalog.Create(name, symbol, options), warmUp);
    }
}
