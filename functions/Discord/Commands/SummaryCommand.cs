using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.DailySummary;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/summary: today's summary so far, the same figures the evening post will have (the chart comes with that post).</summary>
public sealed class SummaryCommand(DailySummaryComposer composer) : IDeskCommandHandler
{
    public string Name => "summary";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var summary = await composer.ComposeAsync(ct);
        // An interaction edit carries no file here, so the embed must not point at one.
        return summary.Message with { Embeds = [.. summary.Message.Embeds.Select(e => e with { ImageUrl = null, Title = e.Title + " (so far)" })] };
    }
}
