using System.Globalization;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The commission of one fill: <c>PerShare × quantity + Fixed</c>, in USD (the SPEC's hook; zero by default).</summary>
public sealed record CommissionModel(decimal PerShare = 0m, decimal Fixed = 0m)
{
    public static CommissionModel Free { get; } = new();

    public decimal For(decimal quantity) => (PerShare * quantity) + Fixed;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PerShare < 0m || PerShare > 100m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{BacktestOptions.SectionName}:CommissionPerShare must be between 0 and 100, was {PerShare}"));
        }

        if (Fixed < 0m || Fixed > 1_000_000m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{BacktestOptions.SectionName}:CommissionFixed must be between 0 and 1000000, was {Fixed}"));
        }

        return errors;
    }
}
