using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Builds the <see cref="TrackRecord"/> from what storage holds. A session is a New York date from
/// <see cref="PaperRecordInput.From"/> on with stored bars, fills or risk/drift events. Its configuration is the
/// one logged that day (or the last one before); two different ones that day leave it unattributed. The parity
/// backtest runs once per configuration over all stored bars (so earlier days warm its indicators up) with the
/// paper capital and no binding risk limits, and each session compares its own fills.
/// </summary>
public static class TrackRecordBuilder
{
    public static TrackRecord Build(PaperRecordInput input, TrackRecordOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var dates = input.Bars.Select(b => b.Start).Concat(input.Fills.Select(f => f.At)).Concat(input.RiskEvents.Select(r => r.At)).Concat(input.Drifts.Select(d => d.At))
            .Select(NewYorkTime.SessionDate).Where(d => d >= input.From).Distinct().Order().ToList();
        var configs = input.Configurations.OrderBy(c => c.At).ToList();
        var expectedByFingerprint = new Dictionary<string, (IReadOnlyList<ExpectedFill>? Fills, string? Note)>(StringComparer.Ordinal);
        var marks = new EquityMarker();
        var sessions = new List<SessionRecord>();
        foreach (var date in dates)
        {
            var (mode, fingerprint, config) = ConfigurationOf(date, configs);
            var fills = input.Fills.Where(f => NewYorkTime.SessionDate(f.At) == date).OrderBy(f => f.At).ToList();
            var bars = input.Bars.Where(b => NewYorkTime.SessionDate(b.Start) == date).ToList();
            var (pnl, drawdown, path) = marks.Session(bars, fills);
            ParityReport? parity = null;
            string? note = null;
            if (fingerprint is null || config is null)
            {
                note = fingerprint is null ? "configuration unknown or changed during the session" : "configuration not readable";
            }
            else
            {
                if (!expectedByFingerprint.TryGetValue(fingerprint, out var expected))
                {
                    expected = Backtest(input.Bars, config, options);
                    expectedByFingerprint[fingerprint] = expected;
                }

                note = expected.Note;
                if (expected.Fills is { } all)
                {
                    parity = ParityCheck.Compare([.. all.Where(e => NewYorkTime.SessionDate(e.At) == date)], fills, options.MatchWindow);
                }
            }

            sessions.Add(new SessionRecord(date, mode, fingerprint, fills, pnl, drawdown, path,
                input.RiskEvents.Count(r => NewYorkTime.SessionDate(r.At) == date),
                input.Drifts.Count(d => NewYorkTime.SessionDate(d.At) == date),
                parity, note));
        }

        return new TrackRecord(sessions, input.Drifts, input.Resolutions, options.StartingEquity);
    }

    private static (string Mode, string? Fingerprint, DeskConfiguration? Config) ConfigurationOf(DateOnly date, List<ConfigurationEvent> configs)
    {
        var that = configs.Where(c => NewYorkTime.SessionDate(c.At) == date).ToList();
        if (that.Count == 0)
        {
            that = [.. configs.Where(c => NewYorkTime.SessionDate(c.At) < date).TakeLast(1)];
        }

        if (that.Count == 0)
        {
            return ("unknown", null, null);
        }

        var distinct = that.Select(c => (c.Mode, c.Fingerprint)).Distinct().ToList();
        return distinct.Count == 1 ? (that[0].Mode, that[0].Fingerprint, that[0].Configuration) : ("mixed", null, null);
    }

    private static (IReadOnlyList<ExpectedFill>? Fills, string? Note) Backtest(IReadOnlyList<Bar> bars, DeskConfiguration config, TrackRecordOptions options)
    {
        var symbols = config.Symbols.ToHashSet(StringComparer.Ordinal);
        var run = new BacktestOptions
        {
            InitialCash = options.StartingEquity,
            Strategies = config.Strategies,
            StrategySettings = config.StrategySettings,
            Portfolio = config.Portfolio,
        };
        var errors = run.Validate();
        if (errors.Count > 0)
        {
            return (null, "parity backtest not run: " + string.Join("; ", errors));
        }

        var result = BacktestEngine.Run(bars.Where(b => symbols.Contains(b.Symbol)), run);
        return (ParityCheck.Fills(result.Trades), null);
    }

    /// <summary>Positions at average cost across sessions; marks at each fill and bar close.</summary>
    private sealed class EquityMarker
    {
        private readonly Dictionary<string, (decimal Quantity, decimal Cost, decimal Last)> _positions = new(StringComparer.Ordinal);
        private decimal _realised;

        public (decimal Pnl, decimal MaxDrawdown, IReadOnlyList<decimal> Path) Session(List<Bar> bars, List<PaperFill> fills)
        {
            var start = Equity();
            var events = fills.Select(f => (At: f.At, Fill: (PaperFill?)f, Bar: default(Bar)))
                .Concat(bars.Select(b => (At: b.Start.AddMinutes(1), Fill: (PaperFill?)null, Bar: b)))
                .OrderBy(e => e.At).ThenBy(e => e.Fill is null ? 1 : 0);
            var path = new List<decimal>();
            var peak = 0m;
            var drawdown = 0m;
            foreach (var e in events)
            {
                if (e.Fill is { } f)
                {
                    Apply(f);
                }
                else if (_positions.TryGetValue(e.Bar.Symbol, out var p))
                {
                    _positions[e.Bar.Symbol] = p with { Last = e.Bar.Close };
                }

                var value = Equity() - start;
                path.Add(value);
                peak = Math.Max(peak, value);
                drawdown = Math.Max(drawdown, peak - value);
            }

            return (Equity() - start, drawdown, path);
        }

        private void Apply(PaperFill f)
        {
            var (quantity, cost, _) = _positions.GetValueOrDefault(f.Symbol);
            var signed = f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity;
            if (quantity == 0m || Math.Sign(quantity) == Math.Sign(signed))
            {
                cost = ((quantity * cost) + (signed * f.Price)) / (quantity + signed);
                quantity += signed;
            }
            else
            {
                var closing = Math.Min(Math.Abs(signed), Math.Abs(quantity)) * Math.Sign(quantity);
                _realised += closing * (f.Price - cost);
                quantity += signed;
                if (quantity != 0m && Math.Sign(quantity) == Math.Sign(signed))
                {
                    cost = f.Price;
                }
            }

            _positions[f.Symbol] = (quantity, quantity == 0m ? 0m : cost, f.Price);
        }

        private decimal Equity() => _realised + _positions.Values.Sum(p => p.Quantity * (p.Last - p.Cost));
    }
}
