using System.Globalization;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// One fault campaign: how long a session to replay, the seed every random choice comes from, and how often each
/// kind of fault is injected. Process faults (SIGKILL, Azurite restart, a second instance) are rates per minute of
/// wall time; request faults (broker, Discord, queue duplicates) are the chance that one request or message is hit.
/// </summary>
public sealed record ChaosOptions
{
    /// <summary>Simulated minutes of the session to replay with faults (from 10:00 ET the bundled session has 360 left).</summary>
    public int Minutes { get; init; } = 60;

    public int Seed { get; init; } = 1;

    /// <summary>Simulated seconds per real second.</summary>
    public decimal Speed { get; init; } = 60m;

    /// <summary>10:00 ET of the bundled session: half an hour of bars for the indicators' warm-up.</summary>
    public static readonly DateTimeOffset DefaultMarketStart = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Where the replay starts; null = <see cref="DefaultMarketStart"/>.</summary>
    public DateTimeOffset? MarketStart { get; init; }

    public double HandlerKillsPerMinute { get; init; } = 20;

    public double AzuriteRestartsPerMinute { get; init; } = 4;

    public double SecondInstanceSwitchesPerMinute { get; init; } = 4;

    /// <summary>Cuts of the network between the desk and Azurite per wall minute: every open connection reset, new ones refused for a moment.</summary>
    public double StorageCutsPerMinute { get; init; } = 30;

    /// <summary>Longest a cut stays cut (each is drawn between zero and it).</summary>
    public TimeSpan StorageCutMax { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Read commands (/positions, /orders, /pnl) the trader sends from the phone per wall minute; their deferred replies meet Discord's faults.</summary>
    public double PhoneChecksPerMinute { get; init; } = 20;

    /// <summary>Longest time Azurite stays stopped in one restart (each outage is drawn between a tenth of it and it), before its own ~1 s start.</summary>
    public TimeSpan AzuriteOutageMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Chance that one broker request fails: 429, 500, an answer slower than the client waits, or a dropped connection, in equal parts.</summary>
    public double BrokerFaultRate { get; init; } = 0.2;

    /// <summary>Chance that one Discord post is answered 429 or 500, in equal parts.</summary>
    public double DiscordFaultRate { get; init; } = 0.4;

    /// <summary>Chance that a queue message is delivered twice: written twice by its producer, or redelivered after it was handled.</summary>
    public double DuplicateRate { get; init; } = 0.2;

    /// <summary>Discord answers nothing but 503 for the whole replay and comes back for the settling.</summary>
    public bool DiscordDown { get; init; }

    /// <summary>How long the desk may take, once the faults stop, to settle every order and notification.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Folder for the logs, Azurite's data and the report; null = a new folder under the temp directory.</summary>
    public string? WorkDirectory { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var c = CultureInfo.InvariantCulture;
        if (Minutes is < 1 or > 360)
        {
            errors.Add(string.Create(c, $"--minutes must be between 1 and 360 (the bundled session from 10:00 to 16:00 ET), was {Minutes}"));
        }

        if (Speed is < 1m or > 600m)
        {
            errors.Add(string.Create(c, $"--speed must be between 1 and 600, was {Speed}"));
        }

        foreach (var (name, rate) in new[] { ("--kills-per-minute", HandlerKillsPerMinute), ("--azurite-restarts-per-minute", AzuriteRestartsPerMinute), ("--instance-switches-per-minute", SecondInstanceSwitchesPerMinute), ("--storage-cuts-per-minute", StorageCutsPerMinute), ("--phone-checks-per-minute", PhoneChecksPerMinute) })
        {
            if (double.IsNaN(rate) || rate is < 0 or > 600)
            {
                errors.Add(string.Create(c, $"{name} must be between 0 and 600, was {rate}"));
            }
        }

        foreach (var (name, rate) in new[] { ("--broker-fault-rate", BrokerFaultRate), ("--discord-fault-rate", DiscordFaultRate), ("--duplicate-rate", DuplicateRate) })
        {
            if (double.IsNaN(rate) || rate is < 0 or >= 1)
            {
                errors.Add(string.Create(c, $"{name} must be in [0, 1), was {rate}"));
            }
        }

        if (AzuriteOutageMax < TimeSpan.FromMilliseconds(50) || AzuriteOutageMax > TimeSpan.FromMinutes(1))
        {
            errors.Add(string.Create(c, $"--azurite-outage-ms must be between 50 and 60000, was {AzuriteOutageMax.TotalMilliseconds}"));
        }

        if (StorageCutMax < TimeSpan.FromMilliseconds(1) || StorageCutMax > TimeSpan.FromMinutes(1))
        {
            errors.Add(string.Create(c, $"--storage-cut-ms must be between 1 and 60000, was {StorageCutMax.TotalMilliseconds}"));
        }

        if (SettleTimeout <= TimeSpan.Zero)
        {
            errors.Add("--settle-timeout must be positive");
        }

        return errors;
    }
}
