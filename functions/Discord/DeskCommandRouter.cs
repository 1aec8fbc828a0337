using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>
/// Routes a verified interaction to its handler, by the names in <see cref="DeskCommands.All"/> — the same table
/// registration sends to Discord, and the constructor refuses a table and a handler set that disagree. Checks the
/// allow-list on every command and click; asks for confirmation where the table says so; defers where it says
/// Slow; audits every command that changes state.
/// </summary>
public sealed class DeskCommandRouter
{
    private readonly Dictionary<string, IDeskCommandHandler> handlers;
    private readonly DiscordOptions options;
    private readonly InteractionReplies replies;
    private readonly CommandAudit audit;
    private readonly TimeProvider time;
    private readonly ILogger<DeskCommandRouter> logger;

    public DeskCommandRouter(IEnumerable<IDeskCommandHandler> handlers, DiscordOptions options, InteractionReplies replies, CommandAudit audit, TimeProvider time, ILogger<DeskCommandRouter> logger)
    {
        this.handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
        this.options = options;
        this.replies = replies;
        this.audit = audit;
        this.time = time;
        this.logger = logger;
        var missing = DeskCommands.All.Where(c => !this.handlers.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var unknown = this.handlers.Keys.Where(n => DeskCommands.Find(n) is null).ToList();
        var unconfirmed = DeskCommands.All.Where(c => c.NeedsConfirmation && this.handlers.GetValueOrDefault(c.Name) is not IConfirmedCommand).Select(c => c.Name).ToList();
        if (missing.Count + unknown.Count + unconfirmed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Discord commands and handlers disagree: no handler for [{string.Join(", ", missing)}], handler without command [{string.Join(", ", unknown)}], confirmation without IConfirmedCommand [{string.Join(", ", unconfirmed)}]");
        }
    }

    public Task<InteractionResponse> AnswerAsync(Interaction interaction, CancellationToken ct) => interaction.Type switch
    {
        InteractionType.Ping => Task.FromResult(InteractionResponse.Pong()),
        InteractionType.ApplicationCommand when interaction.Command is { } command => CommandAsync(interaction, command, ct),
        InteractionType.MessageComponent when interaction.Component is { } click => ClickAsync(interaction, click),
        _ => Task.FromResult(InteractionResponse.Reply(EmbedStyle.Embed("Not supported", EmbedStyle.Grey, "The desk answers slash commands and its own buttons only."))),
    };

    private async Task<InteractionResponse> CommandAsync(Interaction interaction, CommandInvocation invocation, CancellationToken ct)
    {
        if (!options.AllowList.Allows(interaction.UserId))
        {
            logger.LogWarning("Refused /{Command} from user {User}: not on Discord:AllowedUserIds", invocation.Name, interaction.UserId);
            return InteractionResponse.Reply(EmbedStyle.Refusal("You are not on this desk's allow-list. Nothing was changed."));
        }

        var definition = DeskCommands.Find(invocation.Name);
        if (definition is null || !handlers.TryGetValue(definition.Name, out var handler))
        {
            return InteractionResponse.Reply(EmbedStyle.Embed("Unknown command", EmbedStyle.Grey, $"The desk does not know /{invocation.Name}. Re-register the commands: desk discord register"));
        }

        var request = new CommandRequest(invocation, interaction.UserId!, time.GetUtcNow());
        if (definition.NeedsConfirmation)
        {
            var question = ((IConfirmedCommand)handler).Prepare(request);
            return question.Refusal is { } refusal
                ? InteractionResponse.Reply(EmbedStyle.Failure($"/{definition.Name} refused", refusal))
                : PendingConfirmation.Create(definition.Name, question.Argument, request.Now).Prompt(question.Question!, $"Confirm /{definition.Name}");
        }

        var changesState = ChangesState(definition, invocation);
        Func<CancellationToken, Task<DiscordMessage>> work = changesState
            ? async c => await AuditedAsync(interaction, invocation.ToString(), handler.RunAsync(request, c), c)
            : c => handler.RunAsync(request, c);
        var what = "/" + definition.Name;
        return definition.Slow
            ? replies.Defer(interaction, what, work, updatesMessage: false)
            : await replies.AnswerAsync(interaction, what, work, updatesMessage: false);
    }

    /// <summary>
    /// Finishes a deferred reply whose process died before sending it (ReplyRescue found its claim run out). A read is
    /// asked again and answered as of now; a command that changes state is never run again: the answer is the outcome
    /// the audit recorded, or, if none was, a plain "it may not have taken effect". False when another process took
    /// the reply first.
    /// </summary>
    public async Task<bool> RescueAsync(Replies.PendingReply orphan, Interaction interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orphan);
        ArgumentNullException.ThrowIfNull(interaction);
        Func<CancellationToken, Task<DiscordMessage>> work = interaction is { Type: InteractionType.ApplicationCommand, Command: { } invocation }
            && options.AllowList.Allows(interaction.UserId)
            && DeskCommands.Find(invocation.Name) is { NeedsConfirmation: false } definition
            && !ChangesState(definition, invocation)
            && handlers.TryGetValue(definition.Name, out var reader)
                ? async c => Late(await reader.RunAsync(new CommandRequest(invocation, interaction.UserId!, time.GetUtcNow()), c))
                : c => RecordedOutcomeAsync(interaction, orphan.What, c);
        return await replies.TakeOverAsync(orphan, interaction, work, ct);
    }

    /// <summary>How a rescued read begins, so the trader (and the fault campaign's phone) can tell a late answer.</summary>
    public const string LateAnswer = "Answered late: the desk restarted before it could reply. Figures as of now.";

    // "/strategy list" only reads; the table marks /strategy as state-changing for enable/disable.
    private static bool ChangesState(DeskCommand definition, CommandInvocation invocation) =>
        definition.ChangesState && invocation.Subcommand != "list";

    private static DiscordMessage Late(DiscordMessage answer) => answer with
    {
        Content = LateAnswer + (answer.Content is { Length: > 0 } c ? "\n" + c : ""),
    };

    private async Task<DiscordMessage> RecordedOutcomeAsync(Interaction interaction, string what, CancellationToken ct)
    {
        var outcome = await audit.FindOutcomeAsync(interaction.Id, time.GetUtcNow(), ct);
        return outcome is null
            ? EmbedStyle.Embed($"{what}: no confirmation", EmbedStyle.Amber,
                "The desk restarted while working on it and recorded no outcome, so it may not have taken effect. Check /status before running it again.")
            : EmbedStyle.Embed($"{what}: {outcome}", EmbedStyle.Grey,
                "The desk restarted before it could reply; this is the outcome it recorded before the restart.");
    }

    private async Task<InteractionResponse> ClickAsync(Interaction interaction, ComponentClick component)
    {
        // Anyone who can see the prompt can click it: the allow-list is checked again.
        if (!options.AllowList.Allows(interaction.UserId))
        {
            logger.LogWarning("Refused a button click from user {User}: not on Discord:AllowedUserIds", interaction.UserId);
            return InteractionResponse.Reply(EmbedStyle.Refusal("You are not on this desk's allow-list. Nothing was changed."));
        }

        var now = time.GetUtcNow();
        var click = ConfirmationClick.TryParse(component.CustomId);
        if (click is null || handlers.GetValueOrDefault(click.Command) is not IConfirmedCommand handler)
        {
            return InteractionResponse.Update(EmbedStyle.Embed("Unknown button", EmbedStyle.Grey, "Nothing was changed."));
        }

        if (!click.Confirmed)
        {
            return InteractionResponse.Update(EmbedStyle.Embed($"/{click.Command} cancelled", EmbedStyle.Grey, "Nothing was changed."));
        }

        if (click.IsExpiredAt(now))
        {
            return InteractionResponse.Update(EmbedStyle.Embed($"/{click.Command} expired", EmbedStyle.Grey, $"The confirmation ran out. Nothing was changed; run /{click.Command} again."));
        }

        var request = new ConfirmedRequest(click.Command, click.Argument, interaction.UserId!, now);
        var text = "/" + click.Command + (click.Argument is null ? "" : " " + click.Argument) + " (confirmed)";
        return await replies.AnswerAsync(interaction, "/" + click.Command, c => AuditedAsync(interaction, text, handler.ExecuteAsync(request, c), c), updatesMessage: true);
    }

    private async Task<DiscordMessage> AuditedAsync(Interaction interaction, string command, Task<DiscordMessage> work, CancellationToken ct)
    {
        string outcome;
        DiscordMessage message;
        try
        {
            message = await work;
            outcome = message.Embeds.FirstOrDefault()?.Title ?? message.Content ?? "done";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await audit.RecordAsync(interaction.Id, interaction.UserId!, command, "failed: " + ex.Message, time.GetUtcNow(), ct);
            throw;
        }

        await audit.RecordAsync(interaction.Id, interaction.UserId!, command, outcome, time.GetUtcNow(), ct);
        return message;
    }
}
