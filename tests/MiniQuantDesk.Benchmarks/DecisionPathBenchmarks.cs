using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Benchmarks;

/// <summary>
/// Bar evaluations per second for the full decision path, and the reference SMA backtest through the
/// engine. Results are per bar (OperationsPerInvoke = bars), so "Mean" is ns per bar evaluation and
/// "Allocated" is bytes per bar.
/// </summary>
[MemoryDiagnoser]
public class DecisionPathBenchmarks
{
    private BacktestBars _all = null!;
    private BacktestBars _spy = null!;
    private IReadOnlyList<Bar> _spyRaw = null!;
    private Bar[] _spyArray = null!;
    private readonly BacktestOptions _fourStrategies = new()
    {
        Strategies = [SmaCrossover.CatalogName, RsiMeanReversion.CatalogName, BollingerReversion.CatalogName, VwapReversion.CatalogName],
    };

    private readonly BacktestOptions _reference = new();

    [GlobalSetup]
    public void Setup()
    {
        var bars = BenchmarkBars.Symbols.SelectMany(BenchmarkBars.Read).ToList();
        _all = BacktestBars.Prepare(bars);
        _spyRaw = BenchmarkBars.Read("SPY");
        _spy = BacktestBars.Prepare(_spyRaw);
        _spyArray = [.. _spy.Bars];
        Console.WriteLine($"// bars: all six symbols {_all.Bars.Count}, SPY {_spy.Bars.Count}");
        if (_all.Bars.Count != BarsAll || _spy.Bars.Count != BarsSpy)
        {
            throw new InvalidOperationException($"OperationsPerInvoke is set for {BarsAll}/{BarsSpy} bars, got {_all.Bars.Count}/{_spy.Bars.Count}");
        }

    }

    /// <summary>Regular-session bars of the six 1-minute files together.</summary>
    public const int BarsAll = 11684;

    public const int BarsSpy = 1950;

    /// <summary>Whole engine, six symbols, four strategies: indicators, strategies, portfolio, risk on each intent, accounting, equity rows.</summary>
    [Benchmark(OperationsPerInvoke = BarsAll)]
    public BacktestResult FullDecisionPath_SixSymbols_FourStrategies() => BacktestEngine.Run(_all, _fourStrategies);

    /// <summary>The reference SMA 10/30 backtest on SPY, whole simulation (session filter, sort, run, summary); CSV parsing excluded.</summary>
    [Benchmark(OperationsPerInvoke = BarsSpy)]
    public BacktestResult ReferenceSmaBacktest_Spy() => BacktestEngine.Run(_spyRaw, _reference);

    /// <summary>Only the per-bar hot loop of one symbol: 7 indicators + 4 strategies (no portfolio/risk/accounting), for attribution.</summary>
    [Benchmark(OperationsPerInvoke = BarsSpy)]
    public int IndicatorsAndFourStrategies_Spy()
    {
        var set = new IndicatorSet("SPY");
        IStrategy[] strategies = [.. _fourStrategies.Strategies.Select(n => StrategyCatalog.Create(n, "SPY", new StrategyOptions()))];
        var count = 0;
        foreach (ref readonly var bar in _spyArray.AsSpan())
        {
            set.Update(bar);
            foreach (var s in strategies)
            {
                count += (int)s.OnBar(bar, set);
            }
        }

        return count;
    }

    /// <summary>The seven indicators alone, for attribution.</summary>
    [Benchmark(OperationsPerInvoke = BarsSpy)]
    public double IndicatorsOnly_Spy()
    {
        var set = new IndicatorSet("SPY");
        foreach (ref readonly var bar in _spyArray.AsSpan())
        {
            set.Update(bar);
        }

        return set.Sma.Value;
    }
}
