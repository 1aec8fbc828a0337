using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The run's state for one symbol: its indicators and strategies, the order waiting for the next bar, the held shares, the broker-held exit and the open round trip.</summary>
internal sealed class SymbolBook
{
    public SymbolBook(string symbol, int slot, BacktestOptions options)
    {
        Symbol = symbol;
        Slot = slot;
        Indicators = new IndicatorSet(symbol, options.Indicators);
        Strategies = [.. options.Strategies.Select(name => StrategyCatalog.Create(name, symbol, options.StrategySettings))];
        Signals = new SignalKind[Strategies.Length];
    }

    public string Symbol { get; }

    /// <summary>Position of the symbol in the run's symbols (the portfolio's and the ledger's index).</summary>
    public int Slot { get; }

    public IndicatorSet Indicators { get; }

    public IStrategy[] Strategies { get; }

    public SignalKind[] Signals { get; }

    /// <summary>An approved market order, filled at the open of this symbol's next bar.</summary>
    public PendingOrder? Pending { get; set; }

    /// <summary>Shares held; set only through <see cref="SetPosition"/>, which keeps <see cref="Held"/> in step.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Quantity != 0, kept as a flag so the per-bar loops over symbols skip flat ones without a decimal comparison.</summary>
    public bool Held { get; private set; }

    public decimal CostBasis { get; private set; }

    public void SetPosition(decimal quantity, decimal costBasis)
    {
        Quantity = quantity;
        CostBasis = costBasis;
        Held = quantity != 0m;
    }

    public decimal LastClose { get; set; }

    /// <summary>The protective exit the simulated broker holds (from the last entry that carried one).</summary>
    public ProtectiveExit? Exit { get; set; }

    public RoundTrip? Trip { get; set; }
}
