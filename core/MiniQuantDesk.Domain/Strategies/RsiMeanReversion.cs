using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// RSI mean reversion: <see cref="SignalKind.Buy"/> on every bar whose RSI is below
/// <see cref="RsiMeanReversionOptions.Oversold"/> (the move is overdone, expect a bounce),
/// <see cref="SignalKind.Sell"/> on every bar whose RSI is above <see cref="RsiMeanReversionOptions.Overbought"/>.
/// Level signals, not crossings: the portfolio ignores a Buy while long and a Sell while flat. Silent until
/// the RSI is defined (TTR warm-up: period + 1 bars) and when it is undefined (no move at all).
/// </summary>
public sealed class RsiMeanReversion : IStrategy
{
    public const string CatalogName = "rsi-mean-reversion";

    private readonly double _oversold;
    private readonly double _overbought;

    public RsiMeanReversion(string symbol, RsiMeanReversionOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(options);
        StrategyOptions.ThrowIfInvalid(options.Validate());
        Symbol = symbol;
        _oversold = options.Oversold;
        _overbought = options.Overbought;
    }

    public string Name => CatalogName;

    public string Symbol { get; }

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        var rsi = indicators.Rsi.Value;
        if (rsi < _oversold)
        {
            return SignalKind.Buy;
        }

        // NaN (warm-up, flat market) compares false both ways: no signal.
        return rsi > _overbought ? SignalKind.Sell : SignalKind.None;
    }
}
