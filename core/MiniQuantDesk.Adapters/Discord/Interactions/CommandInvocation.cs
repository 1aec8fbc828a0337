using System.Globalization;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// A slash command as typed: <c>/strategy enable momo</c> is Name "strategy", Subcommand "enable", option
/// name=momo. A subcommand inside a group reads "group sub". Options the user left out are absent.
/// </summary>
public sealed record CommandInvocation(string Name, string? Subcommand, IReadOnlyList<CommandOption> Options)
{
    public string? GetString(string name) => Find(name)?.Value;

    public long? GetInteger(string name) =>
        Find(name) is { } o && long.TryParse(o.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public double? GetNumber(string name) =>
        Find(name) is { } o && double.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool? GetBoolean(string name) =>
        Find(name) is { } o && bool.TryParse(o.Value, out var v) ? v : null;

    /// <summary>"/strategy enable name=momo", for audit lines.</summary>
    public override string ToString() =>
        "/" + Name + (Subcommand is null ? "" : " " + Subcommand)
        + string.Concat(Options.Select(o => $" {o.Name}={o.Value}"));

    private CommandOption? Find(string name) => Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
