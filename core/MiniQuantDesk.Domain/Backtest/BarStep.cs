namespace MiniQuantDesk.Domain.Backtest;

/// <summary>Where a prepared bar stands in the run, known in advance because a backtest sees the whole series.</summary>
[Flags]
internal enum BarStep : byte
{
    None = 0,

    /// <summary>The first bar of a New York session (of any symbol): the day's figures restart before it.</summary>
    StartsSession = 1,

    /// <summary>The last bar of its start time: one equity row follows it.</summary>
    EndsTime = 2,

    /// <summary>Its symbol's last bar of the session (the flatten-at-close bar).</summary>
    LastOfSymbolSession = 4,
}
