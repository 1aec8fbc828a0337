using Microsoft.ML;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>
/// A trained ML.NET classifier loaded from its zip. ML.NET's prediction engine is not thread-safe, so
/// predictions take a lock (a symbol-minute asks once per model; contention is negligible).
/// </summary>
public sealed class MlNetModel : IShadowModel, IDisposable
{
    private readonly PredictionEngine<FeatureRow, ProbabilityRow> _engine;
    private readonly Lock _gate = new();

    /// <summary>Loads the model; a corrupt or foreign file throws <see cref="InvalidDataException"/> naming the model.</summary>
    public MlNetModel(ModelCard card, byte[] model)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(model);
        Card = card;
        try
        {
            var ml = new MLContext(seed: card.Seed ?? 0);
            using var stream = new MemoryStream(model, writable: false);
            var transformer = ml.Model.Load(stream, out _);
            _engine = ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityRow>(transformer, inputSchemaDefinition: FeatureRow.Schema(card.FeatureNames.Count));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"model {card.Name} {card.Version}: the ML.NET model cannot be loaded ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    public ModelCard Card { get; }

    public double ProbabilityUp(ReadOnlySpan<double> features)
    {
        var row = new FeatureRow { Features = FeatureRow.ToFloats(features) };
        lock (_gate)
        {
            return _engine.Predict(row).Probability;
        }
    }

    public void Dispose() => _engine.Dispose();
}
