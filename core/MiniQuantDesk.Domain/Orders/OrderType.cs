namespace MiniQuantDesk.Domain.Orders;

public enum OrderType
{
    Market,
    Limit,
}
