using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Portfolio;

/// <summary>
/// Turns the signals of several strategies over several symbols into order intents: one netted market
/// order per symbol and bar at most.
/// <para>
/// Each (strategy, symbol) pair owns a <em>sleeve</em>: 0 shares, or the whole shares bought when that
/// strategy said Buy. The target position of a symbol is the sum of its sleeves (long-only, never below
/// 0); an intent is the difference between the target and what is held or in flight, computed only on a
/// bar where a sleeve changed (or the session closes), so the strategies' orders are netted: one exits while
/// another enters = one order for the difference.
/// </para>
/// <para>
/// Rules, in order, for one symbol at one bar close:
/// 1. Session close (<paramref name="sessionClosing"/> with <see cref="PortfolioOptions.FlattenAtSessionClose"/>):
///    every sleeve empties and everything held is sold; signals on that bar are ignored.
/// 2. Nothing held or in flight: all sleeves are empty (what the broker holds wins over the plan, e.g.
///    after a refused entry or a protective exit).
/// 3. Conflict rule, "exit wins": when a strategy that holds a sleeve says Sell and another says Buy on the
///    same bar, the sells are applied and the buys are dropped for that bar (a disagreement is no moment to
///    add risk). A Sell from a strategy holding nothing changes nothing and vetoes nothing.
/// 4. Sell empties that strategy's sleeve; Buy fills an empty one with
///    floor(Allocation × equity / (strategies × symbols) / close) shares (nothing when that is 0); a Buy
///    on a full sleeve or a Sell on an empty one changes nothing.
/// </para>
/// Deterministic and free of I/O and clocks; the sleeves are its only state (<see cref="Sleeve"/>).
/// </summary>
public sealed class PortfolioManager
{
    private readonly string[] _strategies;
    private readonly string[] _symbols;
    private readonly decimal[] _sleeves;

    // Sleeve != 0, kept in step with _sleeves so MayChange, asked on every bar, reads flags instead of decimals.
    private readonly bool[] _filled;
    private readonly PortfolioOptions _options;
    private readonly decimal _sleeveShare;
    private readonly string _setHash;

    public PortfolioManager(IReadOnlyList<string> strategies, IReadOnlyList<string> symbols, PortfolioOptions options)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        if (strategies.Count == 0 || symbols.Count == 0)
        {
            throw new ArgumentException("a portfolio needs at least one strategy and one symbol");
        }

        if (symbols.Distinct(StringComparer.Ordinal).Count() != symbols.Count || strategies.Distinct(StringComparer.Ordinal).Count() != strategies.Count)
        {
            throw new ArgumentException("strategies and symbols must not repeat");
        }

        _strategies = [.. strategies];
        _symbols = [.. symbols];
        _options = options;
        _sleeves = new decimal[_strategies.Length * _symbols.Length];
        _filled = new bool[_sleeves.Length];
        _sleeveShare = options.Allocation / (_strategies.Length * _symbols.Length);
        StrategySet = string.Join('+', _strategies.Order(StringComparer.Ordinal));
        _setHash = IntentId.SetHash(StrategySet);
    }

    /// <summary>The strategy names, sorted, joined by '+': part of every intent's id.</summary>
    public string StrategySet { get; }

    public IReadOnlyList<string> Strategies => _strategies;

    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>Position of <paramref name="symbol"/> in <see cref="Symbols"/>, -1 if unknown.</summary>
    public int IndexOf(string symbol) => Array.IndexOf(_symbols, symbol);

    /// <summary>Shares the strategy at <paramref name="strategy"/> holds in the symbol at <paramref name="symbol"/>.</summary>
    public decimal Sleeve(int strategy, int symbol) => _sleeves[(symbol * _strategies.Length) + strategy];

    /// <summary>Restores one sleeve (the live shell persists sleeves between invocations).</summary>
    public void RestoreSleeve(int strategy, int symbol, decimal shares)
    {
        if (shares < 0m || decimal.Truncate(shares) != shares)
        {
            throw new ArgumentOutOfRangeException(nameof(shares), shares, "a sleeve holds 0 or more whole shares");
        }

        _sleeves[(symbol * _strategies.Length) + strategy] = shares;
        _filled[(symbol * _strategies.Length) + strategy] = shares != 0m;
    }

    /// <summary>
    /// The decision at the close of <paramref name="bar"/> for its symbol. <paramref name="signals"/> has one
    /// entry per strategy, in <see cref="Strategies"/> order. <paramref name="positionQuantity"/> is what is
    /// held plus what is in flight (signed shares), <paramref name="equity"/> the account equity now.
    /// Returns null when there is nothing to do.
    /// </summary>
    public OrderIntent? Decide(in Bar bar, ReadOnlySpan<SignalKind> signals, decimal positionQuantity, decimal equity, bool sessionClosing)
    {
        var symbol = IndexOf(bar.Symbol);
        if (symbol < 0)
        {
            throw new ArgumentException($"{bar.Symbol} is not a symbol of this portfolio", nameof(bar));
        }

        return TryDecide(bar, symbol, signals, positionQuantity, equity, sessionClosing, out var side, out var quantity)
            ? IntentFor(bar, side, quantity)
            : null;
    }

    /// <summary>
    /// <see cref="Decide"/> without composing the intent (no id, no allocation): the side and the quantity of
    /// the order, or false when there is nothing to do. <paramref name="symbol"/> is the bar's symbol's
    /// position in <see cref="Symbols"/>. <see cref="IntentFor"/> makes the intent <see cref="Decide"/> returns.
    /// </summary>
    public bool TryDecide(in Bar bar, int symbol, ReadOnlySpan<SignalKind> signals, decimal positionQuantity, decimal equity, bool sessionClosing, out OrderSide side, out decimal quantity)
    {
        var sleeves = SleevesOf(bar, symbol, signals);
        var filled = _filled.AsSpan(symbol * _strategies.Length, _strategies.Length);
        side = OrderSide.Buy;
        quantity = 0m;
        if (sessionClosing && _options.FlattenAtSessionClose)
        {
            sleeves.Clear();
            filled.Clear();
            return positionQuantity > 0m && Order(OrderSide.Sell, positionQuantity, out side, out quantity);
        }

        if (positionQuantity == 0m)
        {
            sleeves.Clear();
            filled.Clear();
        }

        // Only a Sell that would empty a sleeve is a disagreement: level-style strategies (VWAP: "above
        // VWAP, exit") say Sell on most bars while flat, and must not veto every other strategy's entry.
        var anySell = false;
        for (var k = 0; k < sleeves.Length; k++)
        {
            anySell |= signals[k] == SignalKind.Sell && sleeves[k] > 0m;
        }
        var changed = false;
        for (var k = 0; k < sleeves.Length; k++)
        {
            switch (signals[k])
            {
                case SignalKind.Sell when sleeves[k] > 0m:
                    sleeves[k] = 0m;
                    filled[k] = false;
                    changed = true;
                    break;
                case SignalKind.Buy when !anySell && sleeves[k] == 0m:
                    var shares = SharesFor(equity, bar.Close);
                    if (shares >= 1m)
                    {
                        sleeves[k] = shares;
                        filled[k] = true;
                        changed = true;
                    }

                    break;
            }
        }

        if (!changed)
        {
            return false;
        }

        var target = 0m;
        foreach (var sleeve in sleeves)
        {
            target += sleeve;
        }

        var delta = target - positionQuantity;
        return delta switch
        {
            > 0m => Order(OrderSide.Buy, delta, out side, out quantity),
            < 0m => Order(OrderSide.Sell, -delta, out side, out quantity),
            _ => false,
        };
    }

    /// <summary>
    /// False when <see cref="TryDecide"/> with these signals would certainly find nothing to do (every signal
    /// is a Buy on a held sleeve, a Sell on an empty one, or none), so a caller may skip it — and the account
    /// equity it needs. Skipping changes nothing later: a flat symbol's sleeves are emptied at the next call.
    /// </summary>
    public bool MayChange(int symbol, ReadOnlySpan<SignalKind> signals, decimal positionQuantity, bool sessionClosing)
    {
        if (sessionClosing && _options.FlattenAtSessionClose)
        {
            return true;
        }

        var filled = _filled.AsSpan(symbol * _strategies.Length, _strategies.Length);
        var flat = positionQuantity == 0m;
        var buysEmpty = false;
        for (var k = 0; k < filled.Length && k < signals.Length; k++)
        {
            var empty = flat || !filled[k];
            if (signals[k] == SignalKind.Sell && !empty)
            {
                return true;
            }

            buysEmpty |= signals[k] == SignalKind.Buy && empty;
        }

        return buysEmpty;
    }

    /// <summary>The intent for an order <see cref="TryDecide"/> found: its deterministic id, the bar close as reference price, the protective exit of a buy.</summary>
    public OrderIntent IntentFor(in Bar bar, OrderSide side, decimal quantity) => new(
        IntentId.Compose(_setHash, bar.Symbol, bar.Start, side),
        bar.Symbol,
        side,
        quantity,
        OrderType.Market,
        LimitPrice: null,
        BarTime: bar.Start,
        StrategySet,
        ReferencePrice: bar.Close,
        Protection: side == OrderSide.Buy ? ProtectionFor(bar.Close) : null);

    private Span<decimal> SleevesOf(in Bar bar, int symbol, ReadOnlySpan<SignalKind> signals)
    {
        if ((uint)symbol >= (uint)_symbols.Length || !string.Equals(bar.Symbol, _symbols[symbol], StringComparison.Ordinal))
        {
            throw new ArgumentException($"{bar.Symbol} is not the symbol at position {symbol} of this portfolio", nameof(bar));
        }

        if (signals.Length != _strategies.Length)
        {
            throw new ArgumentException($"expected {_strategies.Length} signals (one per strategy), got {signals.Length}", nameof(signals));
        }

        return _sleeves.AsSpan(symbol * _strategies.Length, _strategies.Length);
    }

    private static bool Order(OrderSide side, decimal quantity, out OrderSide orderSide, out decimal orderQuantity)
    {
        orderSide = side;
        orderQuantity = quantity;
        return true;
    }

    private decimal SharesFor(decimal equity, decimal close) =>
        equity <= 0m || close <= 0m ? 0m : decimal.Floor(_sleeveShare * equity / close);

    /// <summary>The broker-held stop-loss / take-profit of a buy at <paramref name="reference"/> (cents), null when none is configured.</summary>
    public ProtectiveExit? ProtectionFor(decimal reference)
    {
        if (_options.StopLossPct is null && _options.TakeProfitPct is null)
        {
            return null;
        }

        // Cents: Alpaca refuses sub-penny stop and limit prices at or above $1.
        decimal? stop = _options.StopLossPct is { } s ? Math.Round(reference * (1m - (s / 100m)), 2, MidpointRounding.AwayFromZero) : null;
        decimal? take = _options.TakeProfitPct is { } t ? Math.Round(reference * (1m + (t / 100m)), 2, MidpointRounding.AwayFromZero) : null;
        return new ProtectiveExit(stop, take);
    }
}
