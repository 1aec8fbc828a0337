using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Alpaca;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

public sealed class AlpacaOptionsTests
{
    private static AlpacaOptions WithKeys() => new() { KeyId = "PKABCDEFGHIJKLMNOP", SecretKey = "secretsecretsecretsecret" };

    [Fact]
    public void Paper_is_the_default_and_valid()
    {
        var options = WithKeys();

        Assert.Equal(AlpacaMode.Paper, options.Mode);
        Assert.Equal(new Uri("https://paper-api.alpaca.markets"), options.TradingBaseUrl);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void The_live_url_in_paper_mode_is_refused_naming_the_setting()
    {
        var options = WithKeys();
        options.TradingBaseUrl = new Uri("https://api.alpaca.markets");

        var error = Assert.Single(options.Validate());
        Assert.Contains("Alpaca:TradingBaseUrl", error, StringComparison.Ordinal);
        Assert.Contains("Mode", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_mode_with_the_paper_url_is_refused()
    {
        var options = WithKeys();
        options.Mode = AlpacaMode.Live;

        var error = Assert.Single(options.Validate());
        Assert.Contains("Alpaca:Mode is Live", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_mode_with_the_live_url_is_accepted()
    {
        var options = WithKeys();
        options.Mode = AlpacaMode.Live;
        options.TradingBaseUrl = new Uri("https://api.alpaca.markets/");

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Missing_keys_and_bad_limits_are_each_named()
    {
        var options = new AlpacaOptions { MaxRetries = -1, AttemptTimeout = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Alpaca:KeyId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alpaca:SecretKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alpaca:MaxRetries", StringComparison.Ordinal) && e.EndsWith("was -1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alpaca:AttemptTimeout", StringComparison.Ordinal));
        var thrown = Assert.Throws<AlpacaOptionsException>(() => options.EnsureValid());
        Assert.Equal(errors, thrown.Errors);
    }

    [Fact]
    public void Binds_from_the_Alpaca_section_as_environment_variables_would_supply_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alpaca:KeyId"] = "PKLIVEKEY000000000",
            ["Alpaca:SecretKey"] = "live-secret-000000000000",
            ["Alpaca:Mode"] = "live",
            ["Alpaca:TradingBaseUrl"] = "https://api.alpaca.markets",
            ["Alpaca:Feed"] = "Sip",
            ["Alpaca:AttemptTimeout"] = "00:00:04",
            ["Alpaca:MaxRetries"] = "5",
        }).Build();

        var options = AlpacaOptions.FromConfiguration(configuration);

        Assert.Equal("PKLIVEKEY000000000", options.KeyId);
        Assert.Equal(AlpacaMode.Live, options.Mode);
        Assert.Equal(AlpacaDataFeed.Sip, options.Feed);
        Assert.Equal(TimeSpan.FromSeconds(4), options.AttemptTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_setting_that_does_not_parse_is_named_with_its_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alpaca:Mode"] = "Demo",
            ["Alpaca:MaxRetries"] = "three",
        }).Build();

        var thrown = Assert.Throws<AlpacaOptionsException>(() => AlpacaOptions.FromConfiguration(configuration));

        Assert.Contains(thrown.Errors, e => e.Contains("Alpaca:Mode", StringComparison.Ordinal) && e.Contains("'Demo'", StringComparison.Ordinal));
        Assert.Contains(thrown.Errors, e => e.Contains("Alpaca:MaxRetries", StringComparison.Ordinal) && e.Contains("'three'", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_redacts_both_keys()
    {
        var options = WithKeys();

        var text = options.ToString();

        Assert.DoesNotContain("PKABCDEFGHIJKLMNOP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsecretsecretsecret", text, StringComparison.Ordinal);
        Assert.Contains("PKAB****", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_refuses_invalid_options()
    {
        var options = WithKeys();
        options.TradingBaseUrl = new Uri("https://api.alpaca.markets");

        Assert.Throws<AlpacaOptionsException>(() => AlpacaTradingClient.Create(options));
    }
}
