using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Backtest;

/// <summary>
/// The engine's fast path (risk screen, intents composed only on refusal, in-place ledger) against the full
/// risk evaluation on every intent, on real bars of three symbols with all four strategies and risk limits
/// tight enough that many intents are refused for many reasons: the two runs agree on every trade, equity
/// row, summary figure and refusal (its intent and every reason).
/// </summary>
public sealed class RiskScreenEquivalenceTests
{
    public static TheoryData<string> Limits => new() { "sizes", "rate-and-pdt", "protections" };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Screened_and_full_risk_runs_are_identical(string limits)
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY").Concat(Fixture.Bars("1min/AAPL.csv", "AAPL"))
            .Concat(Fixture.Bars("../backtest/bars/1min/QQQ.csv", "QQQ")).ToList();
        var risk = BacktestOptions.Unconstrained();
        switch (limits)
        {
            case "sizes":
                risk.MaxPositionSizeUsd = 12_000m;
                risk.MaxPortfolioExposureUsd = 30_000m;
                risk.MaxOpenPositions = 2;
                risk.MaxOrderNotionalUsd = 9_000m;
                risk.MaxDailyLossUsd = 150m;
                break;
            case "rate-and-pdt":
                risk.MaxOrdersPerMinute = 1;
                risk.PdtEquityThresholdUsd = 1_000_000m;
                risk.MaxDayTrades = 3;
                risk.MaxDailyDrawdownPct = 0.1m;
                break;
            default:
                risk.Protections = new ProtectionOptions();
                break;
        }

        var options = new BacktestOptions
        {
            Strategies = [SmaCrossover.CatalogName, RsiMeanReversion.CatalogName, BollingerReversion.CatalogName, VwapReversion.CatalogName],
            Risk = risk,
            Portfolio = new PortfolioOptions { StopLossPct = 0.3m, TakeProfitPct = 0.4m },
        };

        var screened = BacktestEngine.Run(bars, options);
        var full = BacktestEngine.Run(bars, options with { ScreenRisk = false });

        Assert.NotEmpty(screened.Trades);
        Assert.NotEmpty(screened.Refusals);
        Assert.Equal(full.Trades, screened.Trades);
        Assert.Equal(full.Equity, screened.Equity);
        Assert.Equal(full.Summary, screened.Summary);
        Assert.Equal(full.Refusals.Count, screened.Refusals.Count);
        for (var i = 0; i < full.Refusals.Count; i++)
        {
            Assert.Equal(full.Refusals[i].Intent, screened.Refusals[i].Intent);
            Assert.Equal(full.Refusals[i].Verdict.Reasons, screened.Refusals[i].Verdict.Reasons);
        }
    }
}
