namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// The strategies the desk knows, by name: <c>sma-crossover</c>, <c>rsi-mean-reversion</c>,
/// <c>bollinger-reversion</c>, <c>vwap-reversion</c>. Live and the backtest create them here.
/// </summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<string> Names { get; } =
        [SmaCrossover.CatalogName, RsiMeanReversion.CatalogName, BollingerReversion.CatalogName, VwapReversion.CatalogName];

    /// <summary>Null when the name is known; else an error naming it and the known names.</summary>
    public static string? Check(string? name) =>
        name is not null && Names.Contains(name, StringComparer.Ordinal)
            ? null
            : $"unknown strategy '{name}'; known strategies: {string.Join(", ", Names)}";

    /// <summary>A fresh instance for one symbol. Throws <see cref="ArgumentException"/> naming an unknown strategy or a bad setting.</summary>
    public static IStrategy Create(string name, string symbol, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unknown = Check(name);
        if (unknown is not null)
        {
            throw new ArgumentException(unknown, nameof(name));
        }

        return name switch
        {
            SmaCrossover.CatalogName => new SmaCrossover(symbol, options.SmaCrossover),
            RsiMeanReversion.CatalogName => new RsiMeanReversion(symbol, options.RsiMeanReversion),
            BollingerReversion.CatalogName => new BollingerReversion(symbol, options.BollingerReversion),
            _ => new VwapReversion(symbol, options.VwapReversion),
        };
    }
}
