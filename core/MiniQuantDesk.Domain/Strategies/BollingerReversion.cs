using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// Bollinger-band reversion: <see cref="SignalKind.Buy"/> on every bar that closes below the lower band,
/// <see cref="SignalKind.Sell"/> on every bar that closes above the exit band (the middle band by default,
/// the upper one with <see cref="BollingerExit.Upper"/>). Silent during the band's warm-up.
/// </summary>
public sealed class BollingerReversion : IStrategy
{
    public const string CatalogName = "bollinger-reversion";

    private readonly BollingerExit _exit;

    public BollingerReversion(string symbol, BollingerReversionOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(options);
        StrategyOptions.ThrowIfInvalid(options.Validate());
        Symbol = symbol;
        _exit = options.Exit;
    }

    public string Name => CatalogName;

    public string Symbol { get; }

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        var bands = indicators.Bollinger;
        if (!bands.IsReady)
        {
            return SignalKind.None;
        }

        // The bands as BollingerBands gives them (middle ∓ width·σ), with the middle and σ computed once.
        var close = indicators.CloseOf(bar);
        var middle = bands.Middle;
        var spread = bands.Width * bands.StandardDeviation;
        if (close < middle - spread)
        {
            return SignalKind.Buy;
        }

        var exit = _exit == BollingerExit.Upper ? middle + spread : middle;
        return close > exit ? SignalKind.Sell : SignalKind.None;
    }
}
