using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Simulation;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

public sealed class SimulatedMarketOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(new SimulatedMarketOptions().Validate());
    }

    [Fact]
    public void Each_bad_setting_is_named()
    {
        var options = new SimulatedMarketOptions { Port = -1, Speed = 0m, StartingCash = -5m, MaxVolumeFraction = 2m, KeyId = "only-one", BarsPath = "/no/such/bars" };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Simulation:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulation:Speed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulation:StartingCash must be >= 0, was -5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulation:MaxVolumeFraction", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulation:KeyId and Simulation:SecretKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulation:BarsPath '/no/such/bars'", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void Binds_from_the_Simulation_section_including_a_shared_clock()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:Port"] = "5123",
            ["Simulation:Speed"] = "120",
            ["Simulation:StartingCash"] = "25000.50",
            ["Simulation:Clock"] = "2026-03-02T15:00:00Z|2019-02-12T14:30:00Z|60",
        }).Build();

        var options = SimulatedMarketOptions.FromConfiguration(configuration);

        Assert.Equal(5123, options.Port);
        Assert.Equal(120m, options.Speed);
        Assert.Equal(25000.50m, options.StartingCash);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 30, 0, TimeSpan.Zero), options.Clock!.MarketEpoch);
    }

    [Fact]
    public void A_setting_that_does_not_parse_is_named_with_its_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulation:Speed"] = "fast",
            ["Simulation:Clock"] = "nonsense",
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => SimulatedMarketOptions.FromConfiguration(configuration));

        Assert.Contains("Simulation:Speed does not parse: 'fast'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Simulation__Clock must be", error.Message, StringComparison.Ordinal);
    }
}
