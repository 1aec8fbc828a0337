namespace MiniQuantDesk.Domain.Ml;

/// <summary>The smallest and largest value of one feature in a model's training part.</summary>
public sealed record FeatureRange(string Name, double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>The range of each feature over the examples (in feature-set order).</summary>
    public static IReadOnlyList<FeatureRange> Of(IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(names);
        var ranges = new List<FeatureRange>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var e in examples)
            {
                min = Math.Min(min, e.Features[i]);
                max = Math.Max(max, e.Features[i]);
            }

            ranges.Add(new FeatureRange(names[i], min, max));
        }

        return ranges;
    }
}
