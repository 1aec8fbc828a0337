namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// A shadow model: features in, the probability that the price is higher after the card's horizon out.
/// Its predictions are logged and scored, never traded.
/// </summary>
public interface IShadowModel
{
    ModelCard Card { get; }

    /// <summary>P(return over the horizon &gt; 0), in [0, 1]. Values are in the order of the card's feature names.</summary>
    double ProbabilityUp(ReadOnlySpan<double> features);
}
