namespace MiniQuantDesk.Functions.DiscordInteractions;

/// <summary>
/// The clock signed timestamps are checked against: the real one (Discord signs with its own time, not the
/// simulated market's). Tests register a fixed one to run the spec's recorded test vector through the function.
/// </summary>
public sealed record SignatureClock(TimeProvider Time)
{
    public static SignatureClock Real { get; } = new(TimeProvider.System);
}
