namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// What the registry keeps beside a model: its name and version, the feature set and horizon it was made
/// for, the training window and held-out metrics, the training range of every feature (for the outlier
/// flag) and its maximum age. <see cref="TrainedTo"/> is the last bar the model learned from; the age is
/// measured from there, in market time.
/// </summary>
public sealed record ModelCard
{
    public const string RuleKind = "rule";

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary><c>rule</c>, <c>fasttree</c> or <c>logistic</c>.</summary>
    public required string Kind { get; init; }

    public required string FeatureSetVersion { get; init; }

    public required IReadOnlyList<string> FeatureNames { get; init; }

    public required int HorizonMinutes { get; init; }

    public DateTimeOffset? TrainedFrom { get; init; }

    public DateTimeOffset? TrainedTo { get; init; }

    public DateTimeOffset? HeldOutFrom { get; init; }

    public DateTimeOffset? HeldOutTo { get; init; }

    public int TrainingExamples { get; init; }

    public int? Seed { get; init; }

    /// <summary>Days after <see cref="TrainedTo"/> the model stops predicting; null = no expiry (the rule model).</summary>
    public int? MaxAgeDays { get; init; }

    public HeldOutMetrics? HeldOut { get; init; }

    /// <summary>Training range per feature; empty = no range check (the rule model).</summary>
    public IReadOnlyList<FeatureRange> Ranges { get; init; } = [];

    /// <summary>Symbols the model was trained on (informative).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];
}
