using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Accounting;

internal static class Fills
{
    public static readonly DateTimeOffset T0 = new(2024, 3, 4, 14, 31, 0, TimeSpan.Zero);

    private static int sequence;

    public static FillEvent Buy(decimal quantity, decimal price, string symbol = "AAPL", decimal commission = 0m) =>
        Make(OrderSide.Buy, quantity, price, symbol, commission);

    public static FillEvent Sell(decimal quantity, decimal price, string symbol = "AAPL", decimal commission = 0m) =>
        Make(OrderSide.Sell, quantity, price, symbol, commission);

    public static Dictionary<string, decimal> Marks(params (string Symbol, decimal Price)[] marks) =>
        marks.ToDictionary(m => m.Symbol, m => m.Price, StringComparer.Ordinal);

    private static FillEvent Make(OrderSide side, decimal quantity, decimal price, string symbol, decimal commission)
    {
        var n = Interlocked.Increment(ref sequence);
        return new FillEvent($"intent-{n}", $"exec-{n}", symbol, side, quantity, price, commission, T0.AddSeconds(n % 3600));
    }
}
