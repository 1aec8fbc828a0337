using System.Globalization;
using System.Security.Cryptography;
using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// A dangerous command (/kill, /flatten, /exit) waiting for its Confirm click. Everything the click needs travels
/// in the buttons' custom_id — <c>{command}:{confirm|cancel}:{expires unix s}:{nonce}[:{argument}]</c>, e.g.
/// <c>exit:confirm:1735689900:9f3c1a2b:AAPL</c> — so no state is stored between the prompt and the click.
/// The click must still pass the allow-list and <see cref="ConfirmationClick.IsExpiredAt"/>.
/// </summary>
public sealed record PendingConfirmation(string Command, string? Argument, DateTimeOffset ExpiresAt, string Nonce)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);
    private const int MaxCustomIdLength = 100;

    public string ConfirmId => CustomId("confirm");

    public string CancelId => CustomId("cancel");

    /// <summary>A new prompt expiring <paramref name="lifetime"/> (default 5 minutes) after <paramref name="now"/>, with a random nonce.</summary>
    public static PendingConfirmation Create(string command, string? argument, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (command.Contains(':', StringComparison.Ordinal) || (argument?.Contains(':', StringComparison.Ordinal) ?? false))
        {
            throw new ArgumentException("a confirmation's command and argument may not contain ':'");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds((now + (lifetime ?? DefaultLifetime)).ToUnixTimeSeconds());
        var pending = new PendingConfirmation(command, argument, expires, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        return pending.ConfirmId.Length <= MaxCustomIdLength
            ? pending
            : throw new ArgumentException($"the argument is too long for a button id ({MaxCustomIdLength} characters)", nameof(argument));
    }

    /// <summary>The ephemeral type-4 reply with a red Confirm and a grey Cancel button.</summary>
    public InteractionResponse Prompt(string question, string confirmLabel = "Confirm") =>
        InteractionResponse.Reply(new DiscordMessage
        {
            Content = question,
            Components =
            [
                new DiscordActionRow(
                [
                    new DiscordButton(ButtonStyle.Danger, confirmLabel, ConfirmId),
                    new DiscordButton(ButtonStyle.Secondary, "Cancel", CancelId),
                ]),
            ],
        });

    private string CustomId(string action) =>
        string.Join(':', new[] { Command, action, ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Nonce, Argument }
            .Where(part => part is not null));
}
