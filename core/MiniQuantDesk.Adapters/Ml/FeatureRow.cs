using Microsoft.ML;
using Microsoft.ML.Data;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>ML.NET's view of one example: a float vector and, for training, the label.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>The schema with the vector's real length (the attribute form needs a compile-time constant).</summary>
    public static SchemaDefinition Schema(int features)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    public static float[] ToFloats(ReadOnlySpan<double> values)
    {
        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            floats[i] = (float)values[i];
        }

        return floats;
    }
}

/// <summary>What a calibrated binary classifier adds to a row.</summary>
internal sealed class ProbabilityRow
{
    public float Probability { get; set; }
}
