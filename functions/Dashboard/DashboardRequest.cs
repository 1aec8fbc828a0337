using System.Globalization;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>What a dashboard request asks for: the page, or one JSON section.</summary>
public sealed record DashboardRequest(string? Section, int RefreshSeconds)
{
    /// <summary>Every section of <c>/api/dashboard/data/{section}</c>; <c>all</c> is what the page polls.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["all", "overview", "positions", "orders", "risk", "ticks", "equity", "notifications", "shadow"];

    public const int DefaultRefreshSeconds = 5;

    // `code` is the function key: Azure passes it on with the request, so it must be accepted (and ignored).
    private static readonly string[] PageParameters = ["code", "refresh"];
    private static readonly string[] DataParameters = ["code"];

    public bool IsPage => Section is null;

    /// <summary>
    /// Reads method, path and query; a request the dashboard does not serve is refused with the status and a
    /// message that says what is accepted. Read-only: only GET is served.
    /// </summary>
    public static DashboardRequestResult Parse(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return DashboardRequestResult.Refuse(405, $"method {method} is not allowed: the dashboard is read-only and answers GET only (trading state is changed from Discord)");
        }

        var rest = RouteRest(path);
        if (rest.Length == 0)
        {
            return ParsePage(query);
        }

        if (rest.Length == 2 && rest[0] == "data")
        {
            var section = rest[1].ToLowerInvariant();
            if (!Sections.Contains(section))
            {
                return DashboardRequestResult.Refuse(404, $"no dashboard section '{rest[1]}'; sections: {string.Join(", ", Sections)}");
            }

            return Unknown(query, DataParameters) is { } bad
                ? DashboardRequestResult.Refuse(400, $"unknown query parameter '{bad}' for /dashboard/data/{section}; accepted: {string.Join(", ", DataParameters)}")
                : DashboardRequestResult.Accept(new DashboardRequest(section, DefaultRefreshSeconds));
        }

        return DashboardRequestResult.Refuse(404, $"no dashboard resource '/{string.Join('/', rest)}'; try /dashboard or /dashboard/data/{{{string.Join("|", Sections)}}}");
    }

    private static DashboardRequestResult ParsePage(IReadOnlyDictionary<string, string> query)
    {
        if (Unknown(query, PageParameters) is { } bad)
        {
            return DashboardRequestResult.Refuse(400, $"unknown query parameter '{bad}' for /dashboard; accepted: {string.Join(", ", PageParameters)}");
        }

        var refresh = DefaultRefreshSeconds;
        if (query.TryGetValue("refresh", out var text)
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out refresh) && refresh is >= 1 and <= 300))
        {
            return DashboardRequestResult.Refuse(400, $"refresh must be whole seconds between 1 and 300, was '{text}'");
        }

        return DashboardRequestResult.Accept(new DashboardRequest(null, refresh));
    }

    private static string? Unknown(IReadOnlyDictionary<string, string> query, string[] accepted) =>
        query.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => !accepted.Contains(k, StringComparer.OrdinalIgnoreCase));

    /// <summary>The path segments after <c>dashboard</c> (the route prefix before it is the host's business).</summary>
    private static string[] RouteRest(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => string.Equals(s, "dashboard", StringComparison.OrdinalIgnoreCase));
        return at < 0 ? segments : segments[(at + 1)..];
    }
}

/// <summary>Either a request to serve or the refusal to send (status and message).</summary>
public sealed record DashboardRequestResult(DashboardRequest? Request, int Status, string? Error)
{
    public static DashboardRequestResult Accept(DashboardRequest request) => new(request, 200, null);

    public static DashboardRequestResult Refuse(int status, string error) => new(null, status, error);
}
