using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Functions.Configuration;

/// <summary>
/// Every setting the handler reads, bound and validated once at start-up. A bad value stops the app
/// with one message naming each offending setting; nothing starts half-configured.
/// </summary>
public sealed record DeskSettings(StorageOptions Storage, DeskOptions Desk, BrokerOptions Broker, HealthOptions Health, AlpacaOptions Alpaca, RiskOptions Risk, StrategyOptions Strategies, PortfolioOptions Portfolio)
{
    public Domain.Research.LiveGateOptions LiveGate { get; init; } = new();
    /// <summary>Discord (section <c>Discord</c>); all optional: without it commands answer 503 and notifications are log only.</summary>
    public DiscordOptions Discord { get; init; } = new();

    /// <summary>
    /// Why the Discord settings were refused, each naming the setting. A bad Discord setting (a malformed webhook,
    /// a wrong key) must not stop trading: the desk starts with Discord off and says why in the 503 and the logs.
    /// </summary>
    public IReadOnlyList<string> DiscordProblems { get; init; } = [];

    public static DeskSettings Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var storage = new StorageOptions(
            configuration[StorageOptions.Setting],
            configuration[$"{StorageOptions.Setting}:accountName"],
            configuration[$"{StorageOptions.Setting}:clientId"]);
        problems.AddRange(storage.Validate());
        var desk = DeskOptions.Bind(configuration, problems);
        var broker = BrokerOptions.Bind(configuration, problems);
        var health = HealthOptions.Bind(configuration, problems);
        var alpaca = BindAlpaca(configuration, broker, problems);
        var risk = BindRisk(configuration, problems);
        var strategies = Bind<StrategyOptions>(configuration, StrategyOptions.SectionName, o => o.Validate(), problems);
        var portfolio = Bind<PortfolioOptions>(configuration, PortfolioOptions.SectionName, o => o.Validate(), problems);
        if (desk.SubmitGrace <= alpaca.TotalTimeout)
        {
            problems.Add($"Desk:SubmitGraceSeconds ({desk.SubmitGrace.TotalSeconds:0}) must be longer than Alpaca:TotalTimeout ({alpaca.TotalTimeout.TotalSeconds:0} s), or an order still being sent could be sent again");
        }

        var liveGate = Bind<Domain.Research.LiveGateOptions>(configuration, Domain.Research.LiveGateOptions.SectionName, o => o.Validate(), problems);
        var ml = Functions.Ml.MlOptions.Bind(configuration, problems);
        var discord = DiscordOptions.FromConfiguration(WithoutUnresolvedSecrets(configuration, DiscordOptions.SectionName));
        var discordProblems = discord.Validate();
        if (problems.Count > 0)
        {
            throw new SettingsException(problems.Distinct().ToList());
        }

        return new DeskSettings(storage, desk, broker, health, alpaca, risk, strategies, portfolio)
        {
            LiveGate = liveGate,
            Ml = ml,
            Discord = discordProblems.Count == 0 ? discord : new DiscordOptions(),
            DiscordProblems = discordProblems,
        };
    }

    /// <summary>
    /// A Key Vault reference the platform could not resolve (the secret was never created) stays in the setting as
    /// its literal <c>@Microsoft.KeyVault(...)</c> text; for Discord that means "not configured", not a bad value,
    /// so the desk starts with notifications log-only and the interactions endpoint answering 503.
    /// </summary>
    private static IConfiguration WithoutUnresolvedSecrets(IConfiguration configuration, string section)
    {
        var values = configuration.GetSection(section).AsEnumerable()
            .Where(v => v.Value is not null && !v.Value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Shadow-mode models (section <c>Ml</c>); never read on the order path.</summary>
    public Functions.Ml.MlOptions Ml { get; init; } = new();

    // Without keys the desk talks to the simulated market, so missing keys are not a problem there.
    private static AlpacaOptions BindAlpaca(IConfiguration configuration, BrokerOptions broker, List<string> problems)
    {
        try
        {
            var alpaca = AlpacaOptions.FromConfiguration(configuration);
            problems.AddRange(alpaca.Validate().Where(p => broker.HasKeys || !(p.StartsWith("Alpaca:KeyId", StringComparison.Ordinal) || p.StartsWith("Alpaca:SecretKey", StringComparison.Ordinal))));
            return alpaca;
        }
        catch (AlpacaOptionsException ex)
        {
            problems.AddRange(ex.Errors);
            return new AlpacaOptions();
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate, List<string> problems)
        where T : class, new()
    {
        try
        {
            var options = configuration.GetSection(section).Get<T>() ?? new T();
            problems.AddRange(validate(options));
            return options;
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
            return new T();
        }
    }

    private static RiskOptions BindRisk(IConfiguration configuration, List<string> problems)
    {
        try
        {
            var risk = configuration.GetSection(RiskOptions.SectionName).Get<RiskOptions>() ?? new RiskOptions();
            problems.AddRange(risk.Validate());
            return risk;
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key: "Failed to convert configuration value '...' at 'Risk:MaxPositionSizeUsd' ..."
            problems.Add(ex.Message);
            return new RiskOptions();
        }
    }
}
