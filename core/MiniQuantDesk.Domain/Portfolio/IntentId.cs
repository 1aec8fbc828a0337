using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Portfolio;

/// <summary>
/// The deterministic id of an order intent, also its Alpaca <c>client_order_id</c> (limit 48 characters):
/// <c>mqd-{set}-{SYMBOL}-{yyyyMMddHHmm}-{b|s}</c>, where <c>set</c> is 8 hex digits of the SHA-256 of the
/// strategy set and the bar time is the bar's start in UTC. The same (strategy set, symbol, bar, side) always
/// gives the same id, so a message delivered twice cannot become two broker orders. At most 42 characters.
/// </summary>
public static class IntentId
{
    public const int MaxLength = 48;

    /// <summary>Longest symbol accepted (US tickers with a class suffix, e.g. BRK.B, are far shorter).</summary>
    public const int MaxSymbolLength = 16;

    public static string For(string strategySet, string symbol, DateTimeOffset barStart, OrderSide side)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategySet);
        return Compose(SetHash(strategySet), symbol, barStart, side);
    }

    /// <summary>The 8 hex digits that stand for a strategy set in its ids.</summary>
    public static string SetHash(string strategySet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategySet);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(strategySet), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }

    internal static string Compose(string set, string symbol, DateTimeOffset barStart, OrderSide side)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (symbol.Length > MaxSymbolLength)
        {
            throw new ArgumentException($"symbol '{symbol}' is longer than {MaxSymbolLength} characters", nameof(symbol));
        }

        var when = barStart.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var s = side == OrderSide.Buy ? 'b' : 's';
        return string.Create(CultureInfo.InvariantCulture, $"mqd-{set}-{symbol}-{when}-{s}");
    }
}
