using System.Text;
using MiniQuantDesk.Functions.Diagnostics;

namespace MiniQuantDesk.Tests.Functions.Diagnostics;

public sealed class SecretScanTests : IDisposable
{
    private const string Secret = "sk-live/Zx9+Qw7_canary-0042";
    private readonly string folder = Directory.CreateTempSubdirectory("mqd-scan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private SecretScan.Result Scan() => SecretScan.Run(folder, new Dictionary<string, string> { ["Alpaca secret key"] = Secret });

    [Theory]
    [InlineData("raw")]
    [InlineData("url")]
    [InlineData("base64-0")]
    [InlineData("base64-1")]
    [InlineData("base64-2")]
    public void A_secret_is_found_as_written_URL_encoded_or_base64_encoded_at_any_alignment(string form)
    {
        var text = form switch
        {
            "raw" => $"12:00:01 info token={Secret} sent",
            "url" => $"GET /hook?key={Uri.EscapeDataString(Secret)}&x=1",
            _ => "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('u', int.Parse(form[^1..], System.Globalization.CultureInfo.InvariantCulture)) + Secret + ":x")),
        };
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        File.WriteAllText(Path.Combine(folder, "logs", "handler-1.log"), "clean line\n" + text + "\n");
        File.WriteAllText(Path.Combine(folder, "clean.json"), """{"kind":"order","qty":"5"}""");

        var result = Scan();

        var hit = Assert.Single(result.Hits);
        Assert.Equal(Path.Combine("logs", "handler-1.log"), hit.File);
        Assert.Equal("Alpaca secret key", hit.Label);
        Assert.Equal(2, result.Files);
    }

    [Fact]
    public void A_redacted_or_partial_secret_is_not_a_hit()
    {
        File.WriteAllText(Path.Combine(folder, "host.log"), $"key {Secret[..6]}*** and webhook 1234/***");
        Assert.Empty(Scan().Hits);
    }
}
