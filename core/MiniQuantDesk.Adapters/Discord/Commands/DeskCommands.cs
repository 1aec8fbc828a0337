using static MiniQuantDesk.Adapters.Discord.Commands.DeskCommandOption;

namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>
/// Every slash command of the desk, in one table. Registration (<see cref="CommandRegistrationJson"/>) and the
/// interactions router read this same table, so what Discord shows and what the desk understands cannot drift.
/// </summary>
public static class DeskCommands
{
    public static IReadOnlyList<DeskCommand> All { get; } =
    [
        new("status", "Trading state, kill switch, last tick and open orders at a glance", []),
        new("positions", "Open positions with quantity, average price and unrealised P&L", [], Slow: true),
        new("orders", "Open and today's orders", [], Slow: true),
        new("pnl", "Today's realised and unrealised profit and loss", [], Slow: true),
        new("risk", "Risk limits, exposure in use and the drawdown breaker", []),
        new("start", "Resume trading: strategies may open positions again", [], ChangesState: true),
        new("stop", "Stop entries: no new positions, exits still allowed", [], ChangesState: true),
        new("kill", "Kill switch: halt all trading and cancel open orders", [], ChangesState: true, NeedsConfirmation: true, Slow: true),
        new("flatten", "Close every position at market and cancel open orders", [], ChangesState: true, NeedsConfirmation: true, Slow: true),
        new("strategy", "List strategies, or enable or disable one",
        [
            Sub("list", "List strategies and whether each is enabled"),
            Sub("enable", "Let a strategy trade", Text("name", "Strategy name, as /strategy list shows it", maxLength: 64)),
            Sub("disable", "Stop a strategy opening positions", Text("name", "Strategy name, as /strategy list shows it", maxLength: 64)),
        ], ChangesState: true),
        new("summary", "Today's summary: P&L, trades, risk events", [], Slow: true),
        new("reduce", "Reduce-only mode: only orders that shrink a position pass", [], ChangesState: true),
        new("exit", "Close one position at market, or all of them",
            [Text("symbol", "Ticker, e.g. AAPL, or all", maxLength: 10)], ChangesState: true, NeedsConfirmation: true, Slow: true),
        new("locks", "Active protection locks (cooldowns, loss streaks, drawdown)", []),
        new("unlock", "Lift a protection lock early",
            [Text("id", "Lock id, as /locks shows it", maxLength: 64)], ChangesState: true),
        new("performance", "Returns, win rate and drawdown over a period",
            [Choice("period", "today, week or all (default today)", false, "today", "week", "all")], Slow: true),
        new("health", "Storage, broker and data feed checks", [], Slow: true),
    ];

    /// <summary>The command named <paramref name="name"/>, or null for a name the desk does not know.</summary>
    public static DeskCommand? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
