namespace MiniQuantDesk.Domain.Ml;

/// <summary>The features of one symbol at one bar, in the order of the feature set of <see cref="FeatureSetVersion"/>.</summary>
public sealed record FeatureVector(string Symbol, DateTimeOffset BarStart, string FeatureSetVersion, double[] Values);
