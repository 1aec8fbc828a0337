namespace MiniQuantDesk.Domain.Indicators;

/// <summary>Periods of the indicators an <see cref="IndicatorSet"/> keeps (defaults as in the TTR reference).</summary>
public sealed class IndicatorSetOptions
{
    public const string Section = "Indicators";

    public int SmaPeriod { get; init; } = 20;

    public int EmaPeriod { get; init; } = 12;

    public int RsiPeriod { get; init; } = 14;

    public int MacdFastPeriod { get; init; } = 12;

    public int MacdSlowPeriod { get; init; } = 26;

    public int MacdSignalPeriod { get; init; } = 9;

    public int BollingerPeriod { get; init; } = 20;

    public double BollingerWidth { get; init; } = 2.0;

    public int AtrPeriod { get; init; } = 14;

    /// <summary>Every invalid setting, each named (e.g. "Indicators:SmaPeriod must be >= 1, was 0"); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(SmaPeriod), SmaPeriod);
        Check(errors, nameof(EmaPeriod), EmaPeriod);
        Check(errors, nameof(RsiPeriod), RsiPeriod);
        Check(errors, nameof(MacdFastPeriod), MacdFastPeriod);
        Check(errors, nameof(MacdSlowPeriod), MacdSlowPeriod);
        Check(errors, nameof(MacdSignalPeriod), MacdSignalPeriod);
        Check(errors, nameof(BollingerPeriod), BollingerPeriod);
        Check(errors, nameof(AtrPeriod), AtrPeriod);
        if (MacdFastPeriod >= 1 && MacdSlowPeriod >= 1 && MacdFastPeriod >= MacdSlowPeriod)
        {
            errors.Add($"{Section}:{nameof(MacdFastPeriod)} must be < {Section}:{nameof(MacdSlowPeriod)}, was {MacdFastPeriod} vs {MacdSlowPeriod}");
        }

        if (!(BollingerWidth > 0) || !double.IsFinite(BollingerWidth))
        {
            errors.Add(FormattableString.Invariant($"{Section}:{nameof(BollingerWidth)} must be a finite number > 0, was {BollingerWidth}"));
        }

        return errors;
    }

    private static void Check(List<string> errors, string name, int value)
    {
        if (value < 1)
        {
            errors.Add($"{Section}:{name} must be >= 1, was {value}");
        }
    }
}
