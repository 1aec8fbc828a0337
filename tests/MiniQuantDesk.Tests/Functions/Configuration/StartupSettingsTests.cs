using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Tests.Functions.Configuration;

public sealed class StartupSettingsTests
{
    private static Dictionary<string, string?> Good() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Desk:Symbols"] = "SPY,QQQ",
    };

    [Theory]
    [InlineData("AzureWebJobsStorage", "", "AzureWebJobsStorage")]
    [InlineData("AzureWebJobsStorage", "not-a-connection-string", "AzureWebJobsStorage")]
    [InlineData("Desk:Symbols", "SPY,sp y", "Desk:Symbols")]
    [InlineData("Desk:Symbols", " , ", "Desk:Symbols")]
    [InlineData("Desk:TickStaleAfterSeconds", "5", "Desk:TickStaleAfterSeconds")]
    [InlineData("Desk:TickStaleAfterSeconds", "soon", "Desk:TickStaleAfterSeconds")]
    [InlineData("Alpaca:TradingBaseUrl", "ftp://x", "Alpaca:TradingBaseUrl")]
    [InlineData("Alpaca:KeyId", "PKONLYKEY", "Alpaca:KeyId")]
    [InlineData("Health:CheckTimeoutSeconds", "NaN", "Health:CheckTimeoutSeconds")]
    [InlineData("Health:CheckTimeoutSeconds", "600", "Health:CheckTimeoutSeconds")]
    [InlineData("Alpaca:Mode", "Sometimes", "Alpaca:Mode")]
    [InlineData("Alpaca:TradingBaseUrl", "https://api.alpaca.markets", "Alpaca:TradingBaseUrl")]
    [InlineData("Risk:MaxPositionSizeUsd", "-5", "Risk:MaxPositionSizeUsd")]
    [InlineData("Risk:MaxPositionSizeUsd", "lots", "Risk:MaxPositionSizeUsd")]
    public void Each_invalid_setting_is_refused_with_a_message_naming_it(string key, string value, string named)
    {
        var values = Good();
        values[key] = value;

        var error = Assert.Throws<SettingsException>(() => DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));

        Assert.Contains(error.Problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Good_settings_load_and_the_broker_keys_never_show_in_text()
    {
        var values = Good();
        values["Alpaca:KeyId"] = "PKSECRETKEYID";
        values["Alpaca:SecretKey"] = "very-secret-value";

        var settings = DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.Equal(["SPY", "QQQ"], settings.Desk.Symbols);
        Assert.DoesNotContain("very-secret-value", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PKSECRETKEYID", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", settings.Storage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_process_refuses_to_start_on_a_bad_setting_and_names_it()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "handler"), "serve")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = MiniQuantDesk.Functions.LocalHost.HandlerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        start.Environment["Desk__TickStaleAfterSeconds"] = "-1";

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(78, process.ExitCode);
        Assert.Contains("Desk:TickStaleAfterSeconds", stderr, StringComparison.Ordinal);
    }
}
