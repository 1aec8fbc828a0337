namespace MiniQuantDesk.Adapters.Storage;

/// <summary>The names of the desk's tables, queues and containers, in one place so infra and code agree.</summary>
public static class DeskTables
{
    public const string State = "deskstate";
}
