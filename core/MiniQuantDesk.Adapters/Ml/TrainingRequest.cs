namespace MiniQuantDesk.Adapters.Ml;

/// <summary>What to train: model name, classifier, horizon in minutes, seed, expiry and held-out share.</summary>
public sealed record TrainingRequest(string Name, MlTrainerKind Trainer, int HorizonMinutes, int Seed = 1, int MaxAgeDays = 30, double HeldOutFraction = 0.2)
{
    /// <summary>Every invalid field, named as the CLI option that sets it.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!ModelRegistry.IsValidName(Name))
        {
            errors.Add($"--name must be 1-40 of a-z, 0-9 and '-', starting with a letter, was '{Name}'");
        }

        if (HorizonMinutes is < 1 or > 390)
        {
            errors.Add($"--horizon must be 1..390 minutes, was {HorizonMinutes}");
        }

        if (MaxAgeDays < 1)
        {
            errors.Add($"--max-age-days must be >= 1, was {MaxAgeDays}");
        }

        if (!(HeldOutFraction > 0 && HeldOutFraction < 1))
        {
            errors.Add(FormattableString.Invariant($"--held-out must be between 0 and 1 (exclusive), was {HeldOutFraction}"));
        }

        return errors;
    }
}
