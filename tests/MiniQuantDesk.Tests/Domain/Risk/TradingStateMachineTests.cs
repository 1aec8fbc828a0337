using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

public sealed class TradingStateMachineTests
{
    [Theory]
    [InlineData(TradingState.Active, TradingCommand.Halt, TradingActor.Desk, TradingState.Halted)]
    [InlineData(TradingState.Active, TradingCommand.StopEntries, TradingActor.Desk, TradingState.Reducing)]
    [InlineData(TradingState.Reducing, TradingCommand.Halt, TradingActor.Desk, TradingState.Halted)]
    [InlineData(TradingState.Reducing, TradingCommand.Resume, TradingActor.Person, TradingState.Active)]
    [InlineData(TradingState.Halted, TradingCommand.Resume, TradingActor.Person, TradingState.Active)]
    [InlineData(TradingState.Halted, TradingCommand.StopEntries, TradingActor.Person, TradingState.Reducing)]
    public void Accepted_changes(TradingState from, TradingCommand command, TradingActor actor, TradingState to)
    {
        var change = TradingStateMachine.Apply(from, command, actor);
        Assert.True(change.Accepted, change.Message);
        Assert.True(change.Changed);
        Assert.Equal(to, change.To);
    }

    [Theory]
    [InlineData(TradingState.Halted, TradingCommand.Resume)]
    [InlineData(TradingState.Halted, TradingCommand.StopEntries)]
    [InlineData(TradingState.Reducing, TradingCommand.Resume)]
    public void The_desk_cannot_loosen_the_state(TradingState from, TradingCommand command)
    {
        var change = TradingStateMachine.Apply(from, command, TradingActor.Desk);
        Assert.False(change.Accepted);
        Assert.Equal(from, change.To);
        Assert.Contains("only a person", change.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TradingState.Active, TradingCommand.Resume)]
    [InlineData(TradingState.Reducing, TradingCommand.StopEntries)]
    [InlineData(TradingState.Halted, TradingCommand.Halt)]
    public void Repeating_the_current_state_is_an_accepted_no_op(TradingState state, TradingCommand command)
    {
        var change = TradingStateMachine.Apply(state, command, TradingActor.Desk);
        Assert.True(change.Accepted);
        Assert.False(change.Changed);
        Assert.Equal(state, change.To);
    }

    [Fact]
    public void Unknown_values_change_nothing()
    {
        var change = TradingStateMachine.Apply(TradingState.Active, (TradingCommand)12, TradingActor.Person);
        Assert.False(change.Accepted);
        Assert.Equal(TradingState.Active, change.To);
    }

    [Fact]
    public void Only_active_allows_entries_and_only_halted_blocks_exits()
    {
        Assert.Equal([true, false, false], Enum.GetValues<TradingState>().Select(TradingStateMachine.AllowsEntries));
        Assert.Equal([true, true, false], Enum.GetValues<TradingState>().Select(TradingStateMachine.AllowsExits));
    }
}
