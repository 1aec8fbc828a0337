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

    public decimal Quantity { get; set; }

    public decimal CostBasis { get; set; }

    public decimal LastClose { get; set; }

    /// <summary>The protective exit the simulated broker holds (from the last entry that carried one).</summary>
    public ProtectiveExit? Exit { get; set; }

    public RoundTrip? Trip { get; set; }
}
