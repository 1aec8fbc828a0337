namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// One labelled row: the features at <see cref="BarStart"/> (bars up to it only) and the return to the outcome
/// bar <see cref="OutcomeBarStart"/> (at most horizon minutes later, see <see cref="ForwardReturn"/>).
/// </summary>
public sealed record TrainingExample(string Symbol, DateTimeOffset BarStart, double[] Features, DateTimeOffset OutcomeBarStart, double Return)
{
    /// <summary>The class the model learns: did the price go up over the horizon?</summary>
    public bool Up => Return > 0;
}
