namespace MiniQuantDesk.Domain.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
