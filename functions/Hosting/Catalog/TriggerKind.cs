namespace MiniQuantDesk.Functions.Hosting.Catalog;

public enum TriggerKind
{
    Timer,
    Queue,
    Http,
}
