using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Portfolio;

public sealed class PortfolioManagerTests
{
    private static readonly DateTimeOffset At = new(2019, 2, 11, 15, 9, 0, TimeSpan.Zero);

    private static Bar Bar(string symbol = "SPY", decimal close = 271.34m) => new(symbol, At, close, close, close, close, 1000);

    [Fact]
    public void One_strategy_one_symbol_sizes_like_the_reference_backtest()
    {
        // floor(0.95 × 100000 / 271.34) = floor(350.11...) = 350 (SPEC §4b; 95000 / 271.34 = 350.114)
        var portfolio = new PortfolioManager(["sma-crossover"], ["SPY"], new PortfolioOptions());
        var intent = portfolio.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, sessionClosing: false);
        Assert.NotNull(intent);
        Assert.Equal(OrderSide.Buy, intent.Side);
        Assert.Equal(350m, intent.Quantity);
        Assert.Equal(OrderType.Market, intent.Type);
        Assert.Equal(271.34m, intent.ReferencePrice);
        Assert.Equal(At, intent.BarTime);
        Assert.Equal("sma-crossover", intent.StrategySet);
        Assert.Null(intent.Protection);
    }

    [Fact]
    public void A_buy_while_long_and_a_sell_while_flat_change_nothing()
    {
        var portfolio = new PortfolioManager(["sma-crossover"], ["SPY"], new PortfolioOptions());
        Assert.Null(portfolio.Decide(Bar(), [SignalKind.Sell], 0m, 100_000m, false));
        Assert.NotNull(portfolio.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, false));
        Assert.Null(portfolio.Decide(Bar(), [SignalKind.Buy], 350m, 100_000m, false));
        var exit = portfolio.Decide(Bar(), [SignalKind.Sell], 350m, 100_000m, false);
        Assert.Equal((OrderSide.Sell, 350m), (exit!.Side, exit.Quantity));
    }

    [Fact]
    public void Sleeves_are_equal_shares_of_the_allocation_and_net_into_one_order()
    {
        // Two strategies, one symbol: each sleeve = floor(0.95 / 2 × 100000 / 100) = floor(475) = 475.
        var portfolio = new PortfolioManager(["a", "b"], ["SPY"], new PortfolioOptions());
        var both = portfolio.Decide(Bar(close: 100m), [SignalKind.Buy, SignalKind.Buy], 0m, 100_000m, false);
        Assert.Equal((OrderSide.Buy, 950m), (both!.Side, both.Quantity));

        // a exits, b stays: sell only a's 475.
        var aOut = portfolio.Decide(Bar(close: 100m), [SignalKind.Sell, SignalKind.None], 950m, 100_000m, false);
        Assert.Equal((OrderSide.Sell, 475m), (aOut!.Side, aOut.Quantity));
        Assert.Equal(0m, portfolio.Sleeve(0, 0));
        Assert.Equal(475m, portfolio.Sleeve(1, 0));
    }

    [Fact]
    public void Exit_wins_a_conflict_on_the_same_bar()
    {
        var portfolio = new PortfolioManager(["a", "b"], ["SPY"], new PortfolioOptions());
        portfolio.Decide(Bar(close: 100m), [SignalKind.Buy, SignalKind.None], 0m, 100_000m, false);

        // a says Sell, b says Buy: a's sleeve empties, b's Buy is dropped for this bar.
        var intent = portfolio.Decide(Bar(close: 100m), [SignalKind.Sell, SignalKind.Buy], 475m, 100_000m, false);
        Assert.Equal((OrderSide.Sell, 475m), (intent!.Side, intent.Quantity));
        Assert.Equal(0m, portfolio.Sleeve(1, 0));
    }

    [Fact]
    public void A_sell_from_a_strategy_that_holds_nothing_vetoes_no_entry()
    {
        // VWAP reversion says Sell on most bars above VWAP; while it holds nothing that is no disagreement.
        var portfolio = new PortfolioManager(["a", "b"], ["SPY"], new PortfolioOptions());
        var intent = portfolio.Decide(Bar(close: 100m), [SignalKind.Sell, SignalKind.Buy], 0m, 100_000m, false);

        Assert.Equal((OrderSide.Buy, 475m), (intent!.Side, intent.Quantity));
        Assert.Equal((0m, 475m), (portfolio.Sleeve(0, 0), portfolio.Sleeve(1, 0)));
    }

    [Fact]
    public void Session_close_sells_everything_and_ignores_the_signals()
    {
        var portfolio = new PortfolioManager(["a", "b"], ["SPY"], new PortfolioOptions());
        portfolio.Decide(Bar(close: 100m), [SignalKind.Buy, SignalKind.Buy], 0m, 100_000m, false);
        var intent = portfolio.Decide(Bar(close: 100m), [SignalKind.Buy, SignalKind.None], 950m, 100_000m, sessionClosing: true);
        Assert.Equal((OrderSide.Sell, 950m), (intent!.Side, intent.Quantity));
        Assert.Equal(0m, portfolio.Sleeve(0, 0) + portfolio.Sleeve(1, 0));
        Assert.Null(portfolio.Decide(Bar(close: 100m), [SignalKind.Buy, SignalKind.Buy], 0m, 100_000m, sessionClosing: true));
    }

    [Fact]
    public void A_flat_position_empties_the_sleeves_so_a_refused_entry_can_be_retried()
    {
        var portfolio = new PortfolioManager(["a"], ["SPY"], new PortfolioOptions());
        portfolio.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, false);

        // The entry never filled (refused by risk): the next Buy is a new entry.
        Assert.NotNull(portfolio.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, false));
    }

    [Fact]
    public void Symbols_have_their_own_sleeves()
    {
        // 0.95 / (1 strategy × 2 symbols) × 100000 / 50 = 950.
        var portfolio = new PortfolioManager(["a"], ["AAPL", "SPY"], new PortfolioOptions());
        Assert.Equal(950m, portfolio.Decide(Bar("AAPL", 50m), [SignalKind.Buy], 0m, 100_000m, false)!.Quantity);
        Assert.Equal(950m, portfolio.Decide(Bar("SPY", 50m), [SignalKind.Buy], 0m, 100_000m, false)!.Quantity);
        Assert.Throws<ArgumentException>(() => portfolio.Decide(Bar("QQQ"), [SignalKind.Buy], 0m, 100_000m, false));
    }

    [Fact]
    public void Protective_exits_ride_on_entries_in_cents()
    {
        // close 271.34: stop 1.5 % below = 267.2699 -> 267.27; take-profit 2 % above = 276.7668 -> 276.77.
        var bracket = new PortfolioManager(["a"], ["SPY"], new PortfolioOptions { StopLossPct = 1.5m, TakeProfitPct = 2m });
        Assert.Equal(new ProtectiveExit(267.27m, 276.77m), bracket.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, false)!.Protection);

        // Only a stop: an OTO (one leg).
        var oto = new PortfolioManager(["a"], ["SPY"], new PortfolioOptions { StopLossPct = 1.5m });
        Assert.Equal(new ProtectiveExit(267.27m, null), oto.Decide(Bar(), [SignalKind.Buy], 0m, 100_000m, false)!.Protection);
        Assert.Null(oto.Decide(Bar(), [SignalKind.Sell], 350m, 100_000m, false)!.Protection);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_setting()
    {
        var options = new PortfolioOptions { Allocation = 1.5m, StopLossPct = 0m, TakeProfitPct = -1m };
        Assert.Equal(
            [
                "Portfolio:Allocation must be > 0 and <= 1, was 1.5",
                "Portfolio:StopLossPct must be > 0 and < 100 when set, was 0",
                "Portfolio:TakeProfitPct must be > 0 and <= 1000 when set, was -1",
            ],
            options.Validate());
        Assert.Throws<ArgumentException>(() => new PortfolioManager(["a"], ["SPY"], options));
    }
}
