using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

public sealed class RiskOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new RiskOptions().Validate());
    }

    [Fact]
    public void Every_bad_setting_is_named_with_its_value()
    {
        var options = new RiskOptions
        {
            MaxPositionSizeUsd = -5m,
            MaxPriceDeviationPct = 150m,
            MaxOrdersPerMinute = 0,
        };
        options.Protections.LossStreakTrades = 0;

        Assert.Equal(
            [
                "Risk:MaxPositionSizeUsd must be > 0, was -5",
                "Risk:MaxPriceDeviationPct must be > 0 and <= 100, was 150",
                "Risk:MaxOrdersPerMinute must be between 1 and 10000, was 0",
                "Risk:Protections:LossStreakTrades must be between 1 and 1000, was 0",
            ],
            options.Validate());
        var ex = Assert.Throws<InvalidOperationException>(() => options.ThrowIfInvalid());
        Assert.Contains("Risk:MaxPositionSizeUsd must be > 0, was -5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_bind_from_configuration_keys()
    {
        // Risk__MaxPositionSizeUsd in the environment arrives as the key Risk:MaxPositionSizeUsd.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Risk:MaxPositionSizeUsd"] = "2500.50",
                ["Risk:MaxOpenPositions"] = "4",
                ["Risk:AllowFractionalShares"] = "true",
                ["Risk:Protections:ExitCooldownMinutes"] = "15",
            })
            .Build();

        var options = configuration.GetSection(RiskOptions.SectionName).Get<RiskOptions>()!;

        Assert.Equal(2_500.50m, options.MaxPositionSizeUsd);
        Assert.Equal(4, options.MaxOpenPositions);
        Assert.True(options.AllowFractionalShares);
        Assert.Equal(15, options.Protections.ExitCooldownMinutes);
        Assert.Equal(50_000m, options.MaxPortfolioExposureUsd); // unset keys keep their defaults
    }
}
