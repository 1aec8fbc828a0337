namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// Predictions whose probability fell in [<see cref="From"/>, <see cref="To"/>) (the last bucket includes 1):
/// a calibrated model has <see cref="ObservedUpRate"/> close to <see cref="MeanProbability"/>.
/// </summary>
public sealed record CalibrationBucket(double From, double To, int Count, double MeanProbability, double ObservedUpRate);
