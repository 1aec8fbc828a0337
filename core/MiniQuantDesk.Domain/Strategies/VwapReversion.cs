using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// VWAP mean reversion: <see cref="SignalKind.Buy"/> on every bar that closes more than
/// <see cref="VwapReversionOptions.EntryDeviationPct"/> percent below the session VWAP,
/// <see cref="SignalKind.Sell"/> on every bar that closes above the VWAP (the price is back). Silent while
/// the session has no volume yet (VWAP undefined).
/// </summary>
public sealed class VwapReversion : IStrategy
{
    public const string CatalogName = "vwap-reversion";

    private readonly double _entryFactor;

    public VwapReversion(string symbol, VwapReversionOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(options);
        StrategyOptions.ThrowIfInvalid(options.Validate());
        Symbol = symbol;
        _entryFactor = 1.0 - (options.EntryDeviationPct / 100.0);
    }

    public string Name => CatalogName;

    public string Symbol { get; }

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        var vwap = indicators.Vwap;
        if (!vwap.IsReady)
        {
            return SignalKind.None;
        }

        var close = indicators.CloseOf(bar);
        var value = vwap.Value;
        if (close < value * _entryFactor)
        {
            return SignalKind.Buy;
        }

        return close > value ? SignalKind.Sell : SignalKind.None;
    }
}
