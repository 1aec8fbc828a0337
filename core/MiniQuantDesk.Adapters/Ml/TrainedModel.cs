using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>The result of a training run: the package to store, and the split it was made from (for reports and tests).</summary>
public sealed record TrainedModel(ModelPackage Package, TimeOrderedSplit Split, IReadOnlyList<ScoredPrediction> HeldOutPredictions);
