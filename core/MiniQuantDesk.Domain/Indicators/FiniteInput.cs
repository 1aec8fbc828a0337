namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// Refuses NaN/infinity before any state changes: one such value would poison a running sum forever.
/// </summary>
internal static class FiniteInput
{
    public static void Require(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"indicator input {name} must be a finite number");
        }
    }
}
