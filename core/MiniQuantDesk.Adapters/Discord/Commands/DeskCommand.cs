namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>
/// A slash command of the desk. <see cref="ChangesState"/>: it alters what the desk does (audited).
/// <see cref="NeedsConfirmation"/>: answered with Confirm/Cancel buttons before anything happens.
/// <see cref="Slow"/>: it may take longer than Discord's 3 s, so answer DEFERRED first and edit the reply later.
/// </summary>
public sealed record DeskCommand(
    string Name,
    string Description,
    IReadOnlyList<DeskCommandOption> Options,
    bool ChangesState = false,
    bool NeedsConfirmation = false,
    bool Slow = false);
