namespace MiniQuantDesk.Adapters.Ml;

/// <summary>The ML.NET binary classifiers <see cref="MlNetTrainer"/> can fit.</summary>
public enum MlTrainerKind
{
    /// <summary>Gradient-boosted trees (FastTree), Platt-calibrated probabilities.</summary>
    FastTree,

    /// <summary>L-BFGS logistic regression on mean-variance normalised features.</summary>
    Logistic,
}
