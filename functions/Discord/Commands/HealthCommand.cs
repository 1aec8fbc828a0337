using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Health;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/health: the very checks of <c>GET /api/health</c> (storage, broker, last tick, kill switch), one line each.</summary>
public sealed class HealthCommand(HealthFunction health, AppRoot app) : IDeskCommandHandler
{
    public string Name => "health";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var context = new FunctionContext(app.Find(health.Name)!, "discord-health", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, null);
        var response = await health.HandleAsync(new HttpRequestData("GET", "/api/health", new Dictionary<string, string>(), new Dictionary<string, string>(), []), context, ct);
        var body = JsonNode.Parse(response.BodyText)!.AsObject();
        var fields = new List<EmbedField>();
        foreach (var (name, check) in body["checks"]!.AsObject())
        {
            var ok = check?["ok"]?.GetValue<bool>() == true;
            var detail = check?["error"]?.ToString() ?? (name == "killSwitch" ? (check?["engaged"]?.GetValue<bool>() == true ? "engaged" : "off") : "ok");
            fields.Add(EmbedStyle.Field((ok ? "✅ " : "❌ ") + name, detail));
        }

        var healthy = response.StatusCode == 200;
        return EmbedStyle.Embed(healthy ? "Healthy" : "Unhealthy: " + string.Join(", ", body["failing"]!.AsArray().Select(n => n!.ToString())),
            healthy ? EmbedStyle.Green : EmbedStyle.Red, null, fields, footer: "checked " + body["checkedAt"]);
    }
}
