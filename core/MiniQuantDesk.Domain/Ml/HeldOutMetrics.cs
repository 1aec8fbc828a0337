namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// How a trained model did on its held-out part (after the training part in time): the desk's own scores
/// (<see cref="Scores"/>) plus ML.NET's area under the ROC curve and log-loss (NaN when undefined, e.g. one class only).
/// </summary>
public sealed record HeldOutMetrics(int Examples, double UpRate, double Auc, double LogLoss, ScoreCard Scores);
