using MiniQuantDesk.Functions.Dashboard;

namespace MiniQuantDesk.Tests.Functions.Dashboard;

public sealed class DashboardRequestTests
{
    private static readonly Dictionary<string, string> NoQuery = [];

    [Theory]
    [InlineData("/api/dashboard")]
    [InlineData("/api/dashboard/")]
    [InlineData("/api/Dashboard")]
    public void The_page_is_served_on_GET_with_the_default_refresh(string path)
    {
        var result = DashboardRequest.Parse("GET", path, NoQuery);
        Assert.Equal(new DashboardRequest(null, 5), result.Request);
        Assert.True(result.Request!.IsPage);
    }

    [Fact]
    public void Every_section_is_served_and_named_in_lower_case()
    {
        foreach (var section in DashboardRequest.Sections)
        {
            Assert.Equal(section, DashboardRequest.Parse("GET", $"/api/dashboard/data/{section.ToUpperInvariant()}", NoQuery).Request!.Section);
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Every_other_method_is_405_saying_the_dashboard_is_read_only(string method)
    {
        var result = DashboardRequest.Parse(method, "/api/dashboard/data/all", NoQuery);
        Assert.Null(result.Request);
        Assert.Equal(405, result.Status);
        Assert.Equal($"method {method} is not allowed: the dashboard is read-only and answers GET only (trading state is changed from Discord)", result.Error);
    }

    [Fact]
    public void The_function_key_parameter_passes_and_anything_else_is_refused_by_name()
    {
        Assert.NotNull(DashboardRequest.Parse("GET", "/api/dashboard/data/all", new Dictionary<string, string> { ["code"] = "k" }).Request);
        var refused = DashboardRequest.Parse("GET", "/api/dashboard/data/all", new Dictionary<string, string> { ["code"] = "k", ["since"] = "1" });
        Assert.Equal((400, "unknown query parameter 'since' for /dashboard/data/all; accepted: code"), (refused.Status, refused.Error));
        // The page's own parameter is not a data parameter.
        Assert.Equal(400, DashboardRequest.Parse("GET", "/api/dashboard/data/all", new Dictionary<string, string> { ["refresh"] = "2" }).Status);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("300", 300)]
    public void The_page_takes_a_refresh_interval(string text, int seconds) =>
        Assert.Equal(seconds, DashboardRequest.Parse("GET", "/api/dashboard", new Dictionary<string, string> { ["refresh"] = text }).Request!.RefreshSeconds);

    [Theory]
    [InlineData("0")]
    [InlineData("301")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void A_bad_refresh_is_refused(string text)
    {
        var result = DashboardRequest.Parse("GET", "/api/dashboard", new Dictionary<string, string> { ["refresh"] = text });
        Assert.Equal((400, $"refresh must be whole seconds between 1 and 300, was '{text}'"), (result.Status, result.Error));
    }

    [Theory]
    [InlineData("/api/dashboard/data/keys", "no dashboard section 'keys'")]
    [InlineData("/api/dashboard/data", "no dashboard resource '/data'")]
    [InlineData("/api/dashboard/data/all/more", "no dashboard resource '/data/all/more'")]
    [InlineData("/api/dashboard/index.html", "no dashboard resource '/index.html'")]
    public void Unknown_paths_are_404_naming_what_exists(string path, string start)
    {
        var result = DashboardRequest.Parse("GET", path, NoQuery);
        Assert.Equal(404, result.Status);
        Assert.StartsWith(start, result.Error, StringComparison.Ordinal);
    }
}
