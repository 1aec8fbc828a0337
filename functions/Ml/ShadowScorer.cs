using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>
/// Scores a symbol's pending predictions whose horizon has passed, from the same stored window the minute
/// already read: the realised return to the outcome bar (<see cref="PredictionOutcome"/>). A prediction older
/// than the window, or without a later bar in its session, is marked unscorable.
/// </summary>
public sealed class ShadowScorer(PredictionStore predictions, ILogger<ShadowScorer> log)
{
    /// <summary>How far back pending predictions are looked for (the stored window reaches 4 days).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(5);

    /// <summary>Returns how many predictions got an outcome (scored or unscorable).</summary>
    public async Task<int> ScoreDueAsync(string symbol, IReadOnlyList<Bar> window, DateTimeOffset minute, CancellationToken ct)
    {
        var pending = await predictions.PendingAsync(symbol, minute - LookBack, minute.AddMinutes(-1), ct);
        var resolved = 0;
        foreach (var row in pending)
        {
            var p = row.Prediction;
            var outcome = PredictionOutcome.Resolve(p.BarStart, p.HorizonMinutes, window, minute);
            if (!outcome.IsDue)
            {
                continue;
            }

            var stored = outcome.IsScored
                ? row with { Status = PredictionStatus.Scored, OutcomeBarStart = outcome.OutcomeBarStart, RealizedReturn = outcome.Return }
                : row with { Status = PredictionStatus.Unscorable };
            await predictions.RecordOutcomeAsync(stored, ct);
            resolved++;
        }

        if (resolved > 0)
        {
            log.LogDebug("{Symbol}: {Count} shadow predictions resolved at {Minute:O}", symbol, resolved, minute);
        }

        return resolved;
    }
}
