namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The allowed changes of <see cref="TradingState"/>. Anyone may tighten (Active → Reducing → Halted);
/// only a person may loosen, so the desk can stop itself but never restart itself.
/// Repeating the current state is an accepted no-op (commands may be delivered twice).
/// </summary>
public static class TradingStateMachine
{
    public static TradingState Target(TradingCommand command) => command switch
    {
        TradingCommand.Halt => TradingState.Halted,
        TradingCommand.StopEntries => TradingState.Reducing,
        TradingCommand.Resume => TradingState.Active,
        _ => TradingState.Halted,
    };

    public static TradingStateChange Apply(TradingState current, TradingCommand command, TradingActor actor)
    {
        if (!Enum.IsDefined(current) || !Enum.IsDefined(command) || !Enum.IsDefined(actor))
        {
            return new TradingStateChange(current, current, false,
                $"unknown state/command/actor ({(int)current}/{(int)command}/{(int)actor}); nothing changed");
        }

        var target = Target(command);
        if (target == current)
        {
            return new TradingStateChange(current, current, true, $"already {current}");
        }

        if (target < current && actor != TradingActor.Person)
        {
            return new TradingStateChange(current, current, false,
                $"only a person may loosen the trading state from {current} to {target}");
        }

        return new TradingStateChange(current, target, true, $"{current} -> {target} by {actor}");
    }

    /// <summary>True when the state lets orders that open or grow a position through.</summary>
    public static bool AllowsEntries(TradingState state) => state == TradingState.Active;

    /// <summary>True when the state lets orders that shrink a position through.</summary>
    public static bool AllowsExits(TradingState state) => state is TradingState.Active or TradingState.Reducing;
}
