using System.Text.Json.Nodes;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// <c>GET /api/dashboard</c> (the page) and <c>GET /api/dashboard/data/{section}</c> (its JSON). Read-only: every
/// other method is answered 405 and an unknown query parameter 400, each with a JSON error saying what is accepted.
/// In Azure the route needs a function key (authLevel function); the local host, like <c>func start</c>, does not
/// check keys and listens on loopback only.
/// </summary>
public sealed class DashboardFunction(DashboardReadModel readModel) : IHttpFunction
{
    public string Name => "Dashboard";

    public async Task<HttpResponseData> HandleAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken)
    {
        var parsed = DashboardRequest.Parse(request.Method, request.Path, request.Query);
        if (parsed.Request is not { } ask)
        {
            var headers = new Dictionary<string, string>(Common);
            if (parsed.Status == 405)
            {
                headers["Allow"] = "GET";
            }

            return HttpResponseData.Json(parsed.Status, new JsonObject { ["error"] = parsed.Error }.ToJsonString()) with { Headers = headers };
        }

        if (ask.IsPage)
        {
            var page = HttpResponseData.Text(200, DashboardPage.Html(ask.RefreshSeconds), "text/html; charset=utf-8");
            return page with { Headers = new Dictionary<string, string>(Common) { ["Content-Security-Policy"] = DashboardPage.ContentSecurityPolicy } };
        }

        var snapshot = await readModel.SnapshotAsync(cancellationToken);
        return HttpResponseData.Json(200, DashboardSnapshot.Section(snapshot, ask.Section!).ToJsonString()) with { Headers = Common };
    }

    // Nothing here may be cached by a proxy or leak the key-bearing URL as a referrer.
    private static readonly Dictionary<string, string> Common = new()
    {
        ["Cache-Control"] = "no-store",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };
}
