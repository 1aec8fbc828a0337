namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>The Alpaca settings are unusable; <see cref="Errors"/> names each bad setting.</summary>
public sealed class AlpacaOptionsException(IReadOnlyList<string> errors)
    : Exception("Invalid Alpaca settings: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
