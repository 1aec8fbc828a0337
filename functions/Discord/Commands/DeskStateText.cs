using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>The trading state the flags stand for, as PlaceOrder reads them, and how it reads on a phone.</summary>
public static class DeskStateText
{
    public static TradingState StateOf(DeskFlags flags) =>
        flags.KillSwitch ? TradingState.Halted : flags.TradingEnabled ? TradingState.Active : TradingState.Reducing;

    public static string Describe(TradingState state) => state switch
    {
        TradingState.Active => "ACTIVE: trading",
        TradingState.Reducing => "REDUCING: exits only",
        _ => "HALTED: kill switch on",
    };

    public static int ColorOf(TradingState state) => state switch
    {
        TradingState.Active => EmbedStyle.Green,
        TradingState.Reducing => EmbedStyle.Amber,
        _ => EmbedStyle.Red,
    };

    public static string ChangedBy(DeskFlags flags) =>
        flags.ChangedBy is null ? "never changed" : $"<@{flags.ChangedBy}> {flags.ChangedAt:yyyy-MM-dd HH:mm} UTC";
}
