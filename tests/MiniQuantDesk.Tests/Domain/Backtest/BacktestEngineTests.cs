using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Backtest;

public sealed class BacktestEngineTests
{
    [Fact]
    public void The_commission_hook_is_charged_on_both_fills()
    {
        // Reference first trade: 350 SPY bought at 270.93, sold at 270.47, pnl -161 without commission.
        // With 0.01/share + 1 fixed per fill: the size is unchanged (cash 100000 at the first signal) and
        // pnl = -161 - 2 × (0.01 × 350 + 1) = -170.
        var options = new BacktestOptions { Commission = new CommissionModel(0.01m, 1m) };
        var result = BacktestEngine.Run(Fixture.Bars("1min/SPY.csv", "SPY"), options);
        var first = result.Trades[0];
        Assert.Equal((350m, 270.93m, 270.47m), (first.Quantity, first.EntryPrice, first.ExitPrice));
        Assert.Equal(-170m, first.Pnl);
    }

    [Fact]
    public void The_desks_default_risk_limits_refuse_the_all_in_entries()
    {
        // Risk:MaxPositionSizeUsd defaults to 10000: a 95 % entry on 100000 is refused every time, so
        // nothing trades and equity stays at the starting cash. Proves intents really pass the risk manager.
        var options = new BacktestOptions { Risk = new RiskOptions() };
        var result = BacktestEngine.Run(Fixture.Bars("1min/SPY.csv", "SPY"), options);
        Assert.Empty(result.Trades);
        Assert.NotEmpty(result.Refusals);
        Assert.All(result.Refusals, r => Assert.Contains(RiskReasonCode.MaxPositionSize, r.Verdict.Codes));
        Assert.All(result.Equity, p => Assert.Equal(100_000m, p.Equity));
    }

    [Fact]
    public void A_stop_loss_held_by_the_broker_fills_inside_the_bar()
    {
        // Hand-made bars, Fast 2 / Slow 3: the Buy comes at bar 3 (see SmaCrossoverTests), fills at bar 4's
        // open 11; the stop 1 % below the signal close 11 is 10.89; bar 5's low 10.5 reaches it, its open
        // 10.95 is above it, so the exit is at 10.89. Size: floor(0.95 × 1000 / 11) = 86.
        var start = NewYorkTime.ToUtc(new DateOnly(2019, 2, 11), new TimeOnly(10, 0));
        decimal[][] ohlc = [[10, 10, 10, 10], [10, 10, 10, 10], [10, 10, 10, 10], [11, 11, 11, 11], [11, 11.2m, 10.95m, 11.1m], [10.95m, 11, 10.5m, 10.6m], [10.6m, 10.7m, 10.5m, 10.6m]];
        var bars = ohlc.Select((p, i) => new Bar("SPY", start.AddMinutes(i), p[0], p[1], p[2], p[3], 100)).ToList();
        var options = new BacktestOptions
        {
            InitialCash = 1000m,
            StrategySettings = new() { SmaCrossover = new() { Fast = 2, Slow = 3 } },
            Portfolio = new PortfolioOptions { StopLossPct = 1m },
        };

        var trade = Assert.Single(BacktestEngine.Run(bars, options).Trades);
        Assert.Equal((86m, 11m, 10.89m, ExitReason.StopLoss), (trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.ExitReason));
        Assert.Equal(86m * (10.89m - 11m), trade.Pnl);
        Assert.Equal(start.AddMinutes(5), trade.ExitTime);
    }

    [Fact]
    public void Several_symbols_share_one_account_and_one_equity_row_per_bar_time()
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY").Concat(Fixture.Bars("1min/AAPL.csv", "AAPL")).ToList();
        var result = BacktestEngine.Run(bars, new BacktestOptions { Strategies = ["sma-crossover", "rsi-mean-reversion"] });
        var times = bars.Select(b => b.Start).Distinct().Count();
        Assert.Equal(times, result.Equity.Count);
        Assert.Equal(["AAPL", "SPY"], result.Symbols);
        Assert.Contains(result.Trades, t => t.Symbol == "AAPL");
        Assert.Contains(result.Trades, t => t.Symbol == "SPY");

        // The ledger adds up: final equity = start + Σ pnl, since everything is flat after the last session.
        Assert.Equal(100_000m + result.Trades.Sum(t => t.Pnl), result.Summary.FinalEquity);
    }

    [Fact]
    public void Bad_options_are_refused_before_anything_runs_naming_each_setting()
    {
        var options = new BacktestOptions
        {
            InitialCash = 0m,
            Strategies = ["sma-crossover", "moon-phase"],
            StrategySettings = new() { SmaCrossover = new() { Fast = 30, Slow = 10 } },
        };
        var ex = Assert.Throws<ArgumentException>(() => BacktestEngine.Run(Fixture.Bars("1min/SPY.csv", "SPY"), options));
        Assert.Contains("Backtest:InitialCash must be > 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown strategy 'moon-phase'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Strategies:SmaCrossover:Fast must be < Slow, was 30 vs 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preparation_keeps_the_last_duplicate_and_drops_extended_hours()
    {
        var open = NewYorkTime.ToUtc(new DateOnly(2025, 7, 8), new TimeOnly(9, 30));
        Bar[] bars =
        [
            new("SPY", open.AddMinutes(-1), 1, 1, 1, 1, 1),       // 09:29 ET: pre-market
            new("SPY", open, 2, 2, 2, 2, 1),
            new("SPY", open, 3, 3, 3, 3, 1),                      // same minute later in the input: kept
            new("SPY", open.AddMinutes(390), 4, 4, 4, 4, 1),      // 16:00 ET: after hours
        ];
        var prepared = BacktestBars.Prepare(bars);
        var kept = Assert.Single(prepared.Bars);
        Assert.Equal(3m, kept.Close);
        Assert.True(prepared.IsLastOfSession(0));
    }
}
