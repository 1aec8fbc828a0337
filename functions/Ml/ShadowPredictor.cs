using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.EvaluateStrategies;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>
/// Shadow mode in the live minute (called by EvaluateStrategies after its decision): the features at the
/// minute's bar, every enabled model's prediction (guards first: expiry, feature-set version; out-of-range
/// inputs flagged), each stored in <c>predictions</c>; then the symbol's earlier predictions whose horizon
/// has passed are scored. One model failing is logged and skipped; nothing here can reach an order.
/// </summary>
public sealed class ShadowPredictor(ShadowModelCatalog catalog, PredictionStore predictions, ShadowScorer scorer, DeskSettings settings, ILogger<ShadowPredictor> log) : IShadowPredictor
{
    private readonly FeatureSetDefinition _features = FeatureSetDefinition.Default;
    private readonly ConcurrentDictionary<string, byte> _said = new(StringComparer.Ordinal);

    public async Task PredictAsync(string symbol, IReadOnlyList<Bar> window, DateTimeOffset minute, CancellationToken cancellationToken)
    {
        var names = settings.Ml.Models;
        if (names.Count == 0)
        {
            return;
        }

        var models = await catalog.ModelsAsync(names, cancellationToken);
        var features = window.Count > 0 && window[^1].Start == minute ? FeatureBuilder.AtLastBar(window, _features) : null;
        // The models' writes and the scoring of earlier minutes touch different rows: done together, the
        // minute waits for the slowest storage call, not for their sum.
        var work = new List<Task> { scorer.ScoreDueAsync(symbol, window, minute, cancellationToken) };
        if (features is null || !features.Values.All(double.IsFinite))
        {
            log.LogDebug("{Symbol} {Minute:O}: features not defined yet (warm-up); no shadow predictions", symbol, minute);
        }
        else
        {
            work.AddRange(models.Select(model => PredictOneAsync(model, features, minute, cancellationToken)));
        }

        await Task.WhenAll(work);
    }

    private async Task PredictOneAsync(IShadowModel model, FeatureVector features, DateTimeOffset minute, CancellationToken ct)
    {
        var card = model.Card;
        var verdict = ModelVerdict.Check(card, features.FeatureSetVersion, minute);
        if (!verdict.MayPredict)
        {
            // Said once per model version and reason, not every minute.
            if (_said.TryAdd($"{card.Name}|{card.Version}|{verdict.Reason}", 0))
            {
                log.LogWarning("{Reason}", verdict.Reason);
            }

            return;
        }

        try
        {
            var prediction = ShadowPrediction.Make(model, features);
            await predictions.AddAsync(prediction, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Shadow model {Model} {Version} failed for {Symbol} at {Minute:O}, skipped: {Error}", card.Name, card.Version, features.Symbol, minute, ex.Message);
        }
    }
}
