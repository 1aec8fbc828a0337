using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MiniQuantDesk.Adapters.Simulation;

/// <summary>
/// Settings of the simulated market (section <c>Simulation</c>, environment <c>Simulation__Speed</c>, ...).
/// Defaults give a person trades within a minute of starting: the bundled session replayed from its 09:30 ET open
/// at 60× (a market minute per real second), $100,000 of cash, any non-empty key pair accepted.
/// </summary>
public sealed class SimulatedMarketOptions
{
    public const string SectionName = "Simulation";

    /// <summary>Loopback port; 0 picks a free one (read <see cref="SimulatedMarket.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>When set (with <see cref="SecretKey"/>), only this key pair is accepted; otherwise any non-empty pair.</summary>
    public string? KeyId { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Simulated seconds per real second.</summary>
    public decimal Speed { get; set; } = 60m;

    /// <summary>Simulated instant at start; null = the regular open (09:30 ET) of the first session in the bars.</summary>
    public DateTimeOffset? MarketStart { get; set; }

    /// <summary>A shared mapping from another process (overrides <see cref="Speed"/> and <see cref="MarketStart"/>).</summary>
    public SimulatedClock? Clock { get; set; }

    /// <summary>
    /// A bar CSV in the shared schema (<c>timestamp_utc,open,high,low,close,volume</c>) or a folder of them; the symbol
    /// is the file name up to the first '_' or '.' (<c>SPY.csv</c>, <c>SPY_2019-02-12.csv</c>). Null = the bundled
    /// 2019-02-12 session of SPY, QQQ and AAPL.
    /// </summary>
    public string? BarsPath { get; set; }

    public decimal StartingCash { get; set; } = 100_000m;

    /// <summary>
    /// The most one order may fill in one bar, as a fraction of that bar's volume (whole shares, rounded down).
    /// 0.25 fills ordinary orders in one bar; a small value makes partial fills.
    /// </summary>
    public decimal MaxVolumeFraction { get; set; } = 0.25m;

    /// <summary>Seed of the random draws of probabilistic faults, so a run can be reproduced.</summary>
    public int FaultSeed { get; set; } = 20190212;

    /// <summary>Every problem with these settings, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"Simulation:Port must be between 0 and 65535, was {Port.ToString(CultureInfo.InvariantCulture)}");
        }

        if (string.IsNullOrEmpty(KeyId) != string.IsNullOrEmpty(SecretKey))
        {
            errors.Add("Simulation:KeyId and Simulation:SecretKey must be set together (or neither, to accept any keys)");
        }

        if (Speed <= 0m || Speed > 1_000_000m)
        {
            errors.Add($"Simulation:Speed must be > 0 and <= 1000000, was {Speed.ToString(CultureInfo.InvariantCulture)}");
        }

        if (StartingCash < 0m)
        {
            errors.Add($"Simulation:StartingCash must be >= 0, was {StartingCash.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaxVolumeFraction <= 0m || MaxVolumeFraction > 1m)
        {
            errors.Add($"Simulation:MaxVolumeFraction must be > 0 and <= 1, was {MaxVolumeFraction.ToString(CultureInfo.InvariantCulture)}");
        }

        if (BarsPath is { } path && !File.Exists(path) && !Directory.Exists(path))
        {
            errors.Add($"Simulation:BarsPath '{path}' is neither a file nor a folder");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad setting.</summary>
    public SimulatedMarketOptions EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new ArgumentException("Invalid simulated market settings: " + string.Join("; ", errors));
    }

    /// <summary>Reads the <c>Simulation</c> section by hand (AOT safe); throws naming each setting that does not parse.</summary>
    public static SimulatedMarketOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = new SimulatedMarketOptions();
        var errors = new List<string>();

        options.Port = Read(section, nameof(Port), options.Port, s => (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v), errors);
        options.KeyId = section[nameof(KeyId)];
        options.SecretKey = section[nameof(SecretKey)];
        options.Speed = Read(section, nameof(Speed), options.Speed, ParseDecimal, errors);
        options.StartingCash = Read(section, nameof(StartingCash), options.StartingCash, ParseDecimal, errors);
        options.MaxVolumeFraction = Read(section, nameof(MaxVolumeFraction), options.MaxVolumeFraction, ParseDecimal, errors);
        options.FaultSeed = Read(section, nameof(FaultSeed), options.FaultSeed, s => (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v), errors);
        options.BarsPath = string.IsNullOrWhiteSpace(section[nameof(BarsPath)]) ? null : section[nameof(BarsPath)];
        if (section[nameof(MarketStart)] is { Length: > 0 } start)
        {
            if (DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                options.MarketStart = instant;
            }
            else
            {
                errors.Add($"Simulation:MarketStart must be an ISO-8601 instant, was '{start}'");
            }
        }

        if (section[nameof(Clock)] is { Length: > 0 } clockText)
        {
            if (SimulatedClock.TryParse(clockText, out var clock, out var error))
            {
                options.Clock = clock;
            }
            else
            {
                errors.Add(error);
            }
        }

        return errors.Count == 0 ? options : throw new ArgumentException("Invalid simulated market settings: " + string.Join("; ", errors));
    }

    private static (bool, decimal) ParseDecimal(string text) =>
        (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value), value);

    private static T Read<T>(IConfigurationSection section, string name, T fallback, Func<string, (bool Ok, T Value)> parse, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        var (ok, value) = parse(raw.Trim());
        if (ok)
        {
            return value;
        }

        errors.Add($"Simulation:{name} does not parse: '{raw}'");
        return fallback;
    }
}
