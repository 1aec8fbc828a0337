using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MiniQuantDesk.Adapters.Simulation;

/// <summary>
/// The simulated market's time: <c>market now = MarketEpoch + (real now − RealEpoch) × Speed</c>. Three numbers
/// define it, so any process given the same three (<see cref="Format"/> / <see cref="Parse"/>, e.g. through the
/// environment setting <c>Simulation__Clock=&lt;realEpoch&gt;|&lt;marketEpoch&gt;|&lt;speed&gt;</c>) computes the same
/// simulated now from its own real clock. The arithmetic is exact (ticks × decimal speed, truncated to a tick).
/// </summary>
public sealed record SimulatedClock
{
    /// <summary>The environment variable a child process reads the mapping from.</summary>
    public const string EnvironmentVariable = "Simulation__Clock";

    /// <summary>The same setting as a configuration key.</summary>
    public const string ConfigurationKey = "Simulation:Clock";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public SimulatedClock(DateTimeOffset realEpoch, DateTimeOffset marketEpoch, decimal speed)
    {
        if (speed <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Simulation:Speed must be > 0");
        }

        RealEpoch = realEpoch.ToUniversalTime();
        MarketEpoch = marketEpoch.ToUniversalTime();
        Speed = speed;
    }

    /// <summary>The real instant at which the simulated market stood at <see cref="MarketEpoch"/>.</summary>
    public DateTimeOffset RealEpoch { get; }

    /// <summary>The simulated instant at <see cref="RealEpoch"/>.</summary>
    public DateTimeOffset MarketEpoch { get; }

    /// <summary>Simulated seconds per real second (60 = a market minute per real second).</summary>
    public decimal Speed { get; }

    /// <summary>A clock whose market time starts at <paramref name="marketEpoch"/> now (on the real clock given).</summary>
    public static SimulatedClock StartingNow(TimeProvider real, DateTimeOffset marketEpoch, decimal speed)
    {
        ArgumentNullException.ThrowIfNull(real);
        return new SimulatedClock(real.GetUtcNow(), marketEpoch, speed);
    }

    /// <summary>The simulated now, read from the given real clock.</summary>
    public DateTimeOffset Now(TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(real);
        return At(real.GetUtcNow());
    }

    /// <summary>The simulated instant at a real instant.</summary>
    public DateTimeOffset At(DateTimeOffset realInstant)
    {
        var elapsedTicks = (realInstant.ToUniversalTime() - RealEpoch).Ticks;
        return MarketEpoch.AddTicks((long)decimal.Truncate(elapsedTicks * Speed));
    }

    /// <summary>The real instant at which the simulated clock reaches <paramref name="marketInstant"/>.</summary>
    public DateTimeOffset RealInstantOf(DateTimeOffset marketInstant)
    {
        var marketTicks = (marketInstant.ToUniversalTime() - MarketEpoch).Ticks;
        return RealEpoch.AddTicks((long)decimal.Ceiling(marketTicks / Speed));
    }

    /// <summary><c>&lt;realEpoch&gt;|&lt;marketEpoch&gt;|&lt;speed&gt;</c>, both instants ISO-8601 UTC with 7 fractional digits.</summary>
    public string Format() =>
        string.Join('|',
            RealEpoch.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
            MarketEpoch.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
            Speed.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Format();

    /// <summary>Reads <see cref="Format"/>'s text; throws <see cref="FormatException"/> naming the part that is wrong.</summary>
    public static SimulatedClock Parse(string text) =>
        TryParse(text, out var clock, out var error) ? clock : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SimulatedClock? clock, [NotNullWhen(false)] out string? error)
    {
        clock = null;
        var parts = (text ?? "").Split('|');
        if (parts.Length != 3)
        {
            error = $"{EnvironmentVariable} must be '<realEpochIso>|<marketEpochIso>|<speed>', was '{text}'";
            return false;
        }

        if (!TryParseInstant(parts[0], out var real))
        {
            error = $"{EnvironmentVariable}: real epoch '{parts[0]}' is not an ISO-8601 instant";
            return false;
        }

        if (!TryParseInstant(parts[1], out var market))
        {
            error = $"{EnvironmentVariable}: market epoch '{parts[1]}' is not an ISO-8601 instant";
            return false;
        }

        if (!decimal.TryParse(parts[2].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var speed) || speed <= 0m)
        {
            error = $"{EnvironmentVariable}: speed must be a number > 0, was '{parts[2]}'";
            return false;
        }

        clock = new SimulatedClock(real, market, speed);
        error = null;
        return true;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
