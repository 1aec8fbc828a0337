namespace MiniQuantDesk.Tests.Support;

/// <summary>
/// Whole-desk tests (a handler process, Azurite and a simulated market each) run one at a time: on a 2-core
/// machine several desks at once only measure the scheduler, and their time limits turn into flakes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "EndToEnd";
}
