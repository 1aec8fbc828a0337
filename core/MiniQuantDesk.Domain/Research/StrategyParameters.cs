using System.Globalization;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// The parameters a grid may sweep and the setting each one stands for. Applying a point never touches the
/// base options: every run gets its own copies (runs execute in parallel).
/// </summary>
public static class StrategyParameters
{
    private static readonly Parameter[] Known =
    [
        new("fast", "Strategies:SmaCrossover:Fast", true, (o, v) => o.Strategies.SmaCrossover.Fast = (int)v),
        new("slow", "Strategies:SmaCrossover:Slow", true, (o, v) => o.Strategies.SmaCrossover.Slow = (int)v),
        new("oversold", "Strategies:RsiMeanReversion:Oversold", false, (o, v) => o.Strategies.RsiMeanReversion.Oversold = (double)v),
        new("overbought", "Strategies:RsiMeanReversion:Overbought", false, (o, v) => o.Strategies.RsiMeanReversion.Overbought = (double)v),
        new("entry-pct", "Strategies:VwapReversion:EntryDeviationPct", false, (o, v) => o.Strategies.VwapReversion.EntryDeviationPct = (double)v),
        new("rsi-period", "Indicators:RsiPeriod", true, (o, v) => o.Indicators = o.Indicators.With(rsi: (int)v)),
        new("bb-period", "Indicators:BollingerPeriod", true, (o, v) => o.Indicators = o.Indicators.With(bollingerPeriod: (int)v)),
        new("bb-width", "Indicators:BollingerWidth", false, (o, v) => o.Indicators = o.Indicators.With(bollingerWidth: (double)v)),
        new("allocation", "Portfolio:Allocation", false, (o, v) => o.Portfolio.Allocation = v),
        new("stop-loss-pct", "Portfolio:StopLossPct", false, (o, v) => o.Portfolio.StopLossPct = v),
        new("take-profit-pct", "Portfolio:TakeProfitPct", false, (o, v) => o.Portfolio.TakeProfitPct = v),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Known.Select(p => p.Name)];

    /// <summary>Every axis that is not a known parameter or takes a fractional value where a whole number is needed.</summary>
    public static IReadOnlyList<string> Check(ParameterGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var errors = new List<string>();
        foreach (var axis in grid.Axes)
        {
            var p = Known.FirstOrDefault(k => k.Name == axis.Name);
            if (p is null)
            {
                errors.Add($"--grid axis '{axis.Name}' is not a parameter; known: {string.Join(", ", Names)}");
            }
            else if (p.Whole && axis.Values.FirstOrDefault(v => v != decimal.Truncate(v)) is var bad && bad != decimal.Truncate(bad))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"--grid axis '{axis.Name}' ({p.Setting}) takes whole numbers, was {bad}"));
            }
        }

        return errors;
    }

    /// <summary>The base options with the point's values set, or the settings it makes invalid (e.g. fast &gt;= slow).</summary>
    public static (BacktestOptions? Options, string? Invalid) Apply(BacktestOptions baseOptions, GridPoint point)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(point);
        var copy = new Copy(baseOptions);
        for (var i = 0; i < point.Names.Count; i++)
        {
            var p = Known.FirstOrDefault(k => k.Name == point.Names[i]) ?? throw new ArgumentException($"'{point.Names[i]}' is not a parameter; known: {string.Join(", ", Names)}", nameof(point));
            p.Set(copy, point.Values[i]);
        }

        var options = baseOptions with { StrategySettings = copy.Strategies, Indicators = copy.Indicators, Portfolio = copy.Portfolio };
        var errors = options.Validate();
        return errors.Count > 0 ? (null, string.Join("; ", errors)) : (options, null);
    }

    private sealed record Parameter(string Name, string Setting, bool Whole, Action<Copy, decimal> Set);

    private sealed class Copy(BacktestOptions o)
    {
        public StrategyOptions Strategies { get; } = new()
        {
            SmaCrossover = new() { Fast = o.StrategySettings.SmaCrossover.Fast, Slow = o.StrategySettings.SmaCrossover.Slow },
            RsiMeanReversion = new() { Oversold = o.StrategySettings.RsiMeanReversion.Oversold, Overbought = o.StrategySettings.RsiMeanReversion.Overbought },
            BollingerReversion = new() { Exit = o.StrategySettings.BollingerReversion.Exit },
            VwapReversion = new() { EntryDeviationPct = o.StrategySettings.VwapReversion.EntryDeviationPct },
        };

        public IndicatorSetOptions Indicators { get; set; } = o.Indicators;

        public PortfolioOptions Portfolio { get; } = new()
        {
            Allocation = o.Portfolio.Allocation,
            FlattenAtSessionClose = o.Portfolio.FlattenAtSessionClose,
            StopLossPct = o.Portfolio.StopLossPct,
            TakeProfitPct = o.Portfolio.TakeProfitPct,
        };
    }

    private static IndicatorSetOptions With(this IndicatorSetOptions o, int? rsi = null, int? bollingerPeriod = null, double? bollingerWidth = null) => new()
    {
        SmaPeriod = o.SmaPeriod,
        EmaPeriod = o.EmaPeriod,
        RsiPeriod = rsi ?? o.RsiPeriod,
        MacdFastPeriod = o.MacdFastPeriod,
        MacdSlowPeriod = o.MacdSlowPeriod,
        MacdSignalPeriod = o.MacdSignalPeriod,
        BollingerPeriod = bollingerPeriod ?? o.BollingerPeriod,
        BollingerWidth = bollingerWidth ?? o.BollingerWidth,
        AtrPeriod = o.AtrPeriod,
    };
}
