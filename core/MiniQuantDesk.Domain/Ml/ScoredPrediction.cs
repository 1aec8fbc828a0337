namespace MiniQuantDesk.Domain.Ml;

/// <summary>A prediction with what the market then did: the return from its bar to its outcome bar.</summary>
public sealed record ScoredPrediction(string Model, string Symbol, DateTimeOffset BarStart, double Probability, bool IsOutlier, double RealizedReturn)
{
    public bool PredictedUp => Probability > 0.5;

    public bool WentUp => RealizedReturn > 0;

    /// <summary>Predicted class equals realised class (a flat outcome counts as "not up").</summary>
    public bool Hit => PredictedUp == WentUp;

    /// <summary>
    /// What following it earns per unit of notional: long when P(up) &gt; 0.5, short when &lt; 0.5, flat at
    /// exactly 0.5, held from the bar's close to the outcome bar's close (no costs).
    /// </summary>
    public double FollowingReturn => Math.Sign(Probability - 0.5) * RealizedReturn;
}
