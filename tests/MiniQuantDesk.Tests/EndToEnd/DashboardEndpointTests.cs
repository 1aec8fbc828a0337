using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Dashboard;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>The dashboard's HTTP surface on the local host during a replayed session: read-only, strict, secret-free.</summary>
[Collection(DashboardSession.Collection)]
public sealed class DashboardEndpointTests(DashboardSession session)
{
    private static readonly string[] Paths = ["api/dashboard", .. DashboardRequest.Sections.Select(s => $"api/dashboard/data/{s}")];

    [Fact]
    public async Task Every_response_is_served_and_none_carries_a_configured_secret()
    {
        using var http = new HttpClient { BaseAddress = session.BaseAddress };
        // (The browser test scans again once the session has positions and orders.)
        foreach (var path in Paths)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            if (path.Contains("/data/", StringComparison.Ordinal))
            {
                Assert.NotNull(JsonNode.Parse(body)!["asOf"]);
            }
            else
            {
                Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            }

            foreach (var secret in session.Secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} sent a configured secret to the browser");
            }

            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                Assert.DoesNotContain(values, v => session.Secrets.Any(s => v.Contains(s, StringComparison.OrdinalIgnoreCase)));
            }
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Methods_other_than_GET_are_refused_with_405_and_change_nothing(string method)
    {
        using var http = new HttpClient { BaseAddress = session.BaseAddress };
        var flags = await new DeskStateStore(session.Storage).ReadFlagsAsync(CancellationToken.None);
        foreach (var path in new[] { "api/dashboard", "api/dashboard/data/all", "api/dashboard/data/overview" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("""{"killSwitch":true,"tradingEnabled":false}""", Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("GET", response.Content.Headers.Allow.Single());
            var error = (string?)JsonNode.Parse(body)!["error"];
            Assert.Contains($"method {method} is not allowed", error, StringComparison.Ordinal);
            Assert.Contains("read-only", error, StringComparison.Ordinal);
        }

        Assert.Equal(flags, await new DeskStateStore(session.Storage).ReadFlagsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("api/dashboard/data/all?symbol=SPY", 400, "unknown query parameter 'symbol'")]
    [InlineData("api/dashboard/data/positions?code=k&debug=1", 400, "unknown query parameter 'debug'")]
    [InlineData("api/dashboard?theme=dark", 400, "unknown query parameter 'theme'")]
    [InlineData("api/dashboard?refresh=0", 400, "refresh must be whole seconds between 1 and 300")]
    [InlineData("api/dashboard/data/secrets", 404, "no dashboard section 'secrets'")]
    [InlineData("api/dashboard/app.js", 404, "no dashboard resource '/app.js'")]
    public async Task Unexpected_parameters_and_paths_are_refused_with_a_clear_json_error(string path, int status, string message)
    {
        using var http = new HttpClient { BaseAddress = session.BaseAddress };
        using var response = await http.GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_key_parameter_is_accepted_as_Azure_forwards_it()
    {
        using var http = new HttpClient { BaseAddress = session.BaseAddress };
        using var response = await http.GetAsync("api/dashboard/data/overview?code=anything");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
