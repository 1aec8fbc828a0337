using System.Text;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Discord.State;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/strategy list | enable name | disable name, over the strategies configured in <c>Desk:Strategies</c>.</summary>
public sealed class StrategyCommand(StrategySwitchStore switches, DeskSettings settings) : IDeskCommandHandler
{
    public string Name => "strategy";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var configured = settings.Desk.Strategies;
        var sub = request.Command.Subcommand;
        if (sub is "enable" or "disable")
        {
            var name = request.Command.GetString("name")?.Trim() ?? "";
            var match = configured.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return EmbedStyle.Failure("Unknown strategy", $"'{name}' is not one of this desk's strategies ({string.Join(", ", configured)}). Nothing was changed.");
            }

            var enable = sub == "enable";
            var changed = await switches.SetAsync(match, enable, request.UserId, request.Now, ct);
            var state = enable ? "enabled" : "disabled";
            return EmbedStyle.Embed($"{match} {state}", enable ? EmbedStyle.Green : EmbedStyle.Amber,
                changed ? $"{match} is now {state}." : $"{match} was already {state}; nothing changed.");
        }

        var disabled = await switches.ReadDisabledAsync(ct);
        var text = new StringBuilder();
        foreach (var s in configured)
        {
            text.Append(disabled.Contains(s) ? "⏸️ " : "▶️ ").Append("**").Append(s).Append("** ").Append(disabled.Contains(s) ? "disabled" : "enabled").Append('\n');
        }

        return EmbedStyle.Embed($"{configured.Count} strateg{(configured.Count == 1 ? "y" : "ies")}", EmbedStyle.Blue, text.ToString(), footer: "/strategy enable|disable name:<name>");
    }
}
