using System.Text;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Domain.Risk.Protections;
using MiniQuantDesk.Functions.Discord.State;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/locks: the protection locks in force now, each with its id (for /unlock), scope, reason and expiry.</summary>
public sealed class LocksCommand(ProtectionLockStore locks) : IDeskCommandHandler
{
    public string Name => "locks";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var active = (await locks.ReadAsync(ct)).ActiveAt(request.Now);
        if (active.Count == 0)
        {
            return EmbedStyle.Embed("No protection locks", EmbedStyle.Green, "Entries are not blocked by any protection.");
        }

        var text = new StringBuilder();
        foreach (var l in active.OrderBy(l => l.Expiry))
        {
            text.Append('`').Append(l.Id).Append("`\n").Append(l.Kind).Append(" · ").Append(l.Scope)
                .Append(" · until ").Append(l.Expiry.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC\n")
                .Append(l.Reason).Append("\n\n");
        }

        return EmbedStyle.Embed($"{active.Count} protection lock{(active.Count == 1 ? "" : "s")}", EmbedStyle.Amber, text.ToString(), footer: "/unlock id:<id> lifts one early");
    }
}

/// <summary>/unlock id: lifts one lock early; an unknown or already lifted id changes nothing.</summary>
public sealed class UnlockCommand(ProtectionLockStore locks) : IDeskCommandHandler
{
    public string Name => "unlock";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var id = request.Command.GetString("id")?.Trim() ?? "";
        var lift = await locks.ChangeAsync(book =>
        {
            var result = book.Lift(id, request.Now, request.UserId);
            return (result.Lifted ? result.Book : book, result);
        }, ct);
        return lift.Lifted
            ? EmbedStyle.Embed("Lock lifted", EmbedStyle.Green, lift.Message)
            : EmbedStyle.Embed("Nothing lifted", EmbedStyle.Grey, lift.Message + ". Nothing was changed; /locks lists the ids.");
    }
}
