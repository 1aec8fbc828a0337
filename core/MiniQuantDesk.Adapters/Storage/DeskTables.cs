namespace MiniQuantDesk.Adapters.Storage;

/// <summary>The names of the desk's tables and containers, in one place so infra and code agree.</summary>
public static class DeskTables
{
    public const string State = "deskstate";
    public const string Orders = "orders";
    public const string Bars = "bars";
    public const string Adjustments = "adjustments";
    public const string TransactionLogContainer = "txlog";

    public static IReadOnlyList<string> AllTables { get; } = [State, Orders, Bars, Adjustments];
}
