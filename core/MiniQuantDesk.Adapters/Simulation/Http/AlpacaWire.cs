using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// Alpaca's trading JSON shapes (spec §3, §6, §8, §9; OpenAPI <c>Account</c>, <c>Order</c>, <c>Position</c>,
/// <c>TradingActivities</c>): money and quantities as strings, times RFC 3339 UTC, absent values as null.
/// </summary>
internal static class AlpacaWire
{
    public static readonly string AccountId = "5f0c4e2a-5a8e-4d7b-9b3e-51a1d0c0ffee";

    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable asset id per symbol (Alpaca's are UUIDs; these are derived so every run agrees).</summary>
    public static string AssetId(string symbol)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("asset:" + symbol));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    public static void Account(Utf8JsonWriter w, SimExchange exchange, DateTimeOffset createdAt)
    {
        var book = exchange.Book;
        var equity = book.Equity;
        var buyingPower = exchange.BuyingPower;
        w.WriteStartObject();
        w.WriteString("id", AccountId);
        w.WriteString("account_number", "SIM000001");
        w.WriteString("status", "ACTIVE");
        w.WriteString("crypto_status", "INACTIVE");
        w.WriteString("currency", "USD");
        w.WriteString("cash", Money(book.Cash));
        w.WriteString("portfolio_value", Money(equity));
        w.WriteString("equity", Money(equity));
        w.WriteString("last_equity", Money(book.LastEquity));
        w.WriteString("buying_power", Money(buyingPower));
        w.WriteString("regt_buying_power", Money(buyingPower));
        w.WriteString("daytrading_buying_power", "0");
        w.WriteString("non_marginable_buying_power", Money(buyingPower));
        w.WriteString("long_market_value", Money(book.LongMarketValue));
        w.WriteString("short_market_value", "0");
        w.WriteString("initial_margin", "0");
        w.WriteString("maintenance_margin", "0");
        w.WriteString("last_maintenance_margin", "0");
        w.WriteString("sma", "0");
        w.WriteString("multiplier", "1");
        w.WriteNumber("daytrade_count", 0);
        w.WriteBoolean("pattern_day_trader", false);
        w.WriteBoolean("trading_blocked", false);
        w.WriteBoolean("transfers_blocked", false);
        w.WriteBoolean("account_blocked", false);
        w.WriteBoolean("trade_suspended_by_user", false);
        w.WriteBoolean("shorting_enabled", false);
        w.WriteString("created_at", Time(createdAt));
        w.WriteEndObject();
    }

    public static void Order(Utf8JsonWriter w, SimOrder o, bool nested)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        w.WriteString("client_order_id", o.ClientOrderId);
        w.WriteString("created_at", Time(o.CreatedAt));
        w.WriteString("updated_at", Time(o.UpdatedAt));
        w.WriteString("submitted_at", Time(o.SubmittedAt));
        OptionalTime(w, "filled_at", o.FilledAt);
        OptionalTime(w, "expired_at", o.ExpiredAt);
        OptionalTime(w, "expires_at", o.ExpiresAt);
        OptionalTime(w, "canceled_at", o.CanceledAt);
        w.WriteNull("failed_at");
        OptionalTime(w, "replaced_at", o.ReplacedAt);
        OptionalString(w, "replaced_by", o.ReplacedBy);
        OptionalString(w, "replaces", o.Replaces);
        w.WriteString("asset_id", AssetId(o.Symbol));
        w.WriteString("symbol", o.Symbol);
        w.WriteString("asset_class", "us_equity");
        w.WriteNull("notional");
        w.WriteString("qty", Money(o.Qty));
        w.WriteString("filled_qty", Money(o.FilledQty));
        OptionalMoney(w, "filled_avg_price", o.FilledAvgPrice);
        w.WriteString("order_class", o.OrderClass);
        w.WriteString("order_type", o.Type);
        w.WriteString("type", o.Type);
        w.WriteString("side", o.Side == OrderSide.Buy ? "buy" : "sell");
        w.WriteString("position_intent", o.Side == OrderSide.Buy ? "buy_to_open" : "sell_to_close");
        w.WriteString("time_in_force", o.TimeInForce);
        OptionalMoney(w, "limit_price", o.LimitPrice);
        OptionalMoney(w, "stop_price", o.StopPrice);
        w.WriteString("status", o.Status);
        w.WriteBoolean("extended_hours", false);
        if (nested && o.Legs.Count > 0)
        {
            w.WriteStartArray("legs");
            foreach (var leg in o.Legs)
            {
                Order(w, leg, nested: true);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("legs");
        }

        w.WriteNull("trail_percent");
        w.WriteNull("trail_price");
        w.WriteNull("hwm");
        w.WriteEndObject();
    }

    public static void Position(Utf8JsonWriter w, SimExchange exchange, SimHolding h)
    {
        var mark = exchange.Book.MarkOf(h);
        var lastday = exchange.Book.LastdayPrice(h);
        var marketValue = h.Qty * mark;
        var unrealized = marketValue - h.CostBasis;
        var intraday = marketValue - (h.Qty * lastday);
        w.WriteStartObject();
        w.WriteString("asset_id", AssetId(h.Symbol));
        w.WriteString("symbol", h.Symbol);
        w.WriteString("exchange", "SIM");
        w.WriteString("asset_class", "us_equity");
        w.WriteBoolean("asset_marginable", false);
        w.WriteString("qty", Money(h.Qty));
        w.WriteString("qty_available", Money(exchange.QtyAvailable(h.Symbol)));
        w.WriteString("side", "long");
        w.WriteString("avg_entry_price", Money(h.AvgEntryPrice));
        w.WriteString("cost_basis", Money(h.CostBasis));
        w.WriteString("market_value", Money(marketValue));
        w.WriteString("current_price", Money(mark));
        w.WriteString("lastday_price", Money(lastday));
        w.WriteString("change_today", Money(lastday == 0m ? 0m : (mark - lastday) / lastday));
        w.WriteString("unrealized_pl", Money(unrealized));
        w.WriteString("unrealized_plpc", Money(h.CostBasis == 0m ? 0m : unrealized / h.CostBasis));
        w.WriteString("unrealized_intraday_pl", Money(intraday));
        w.WriteString("unrealized_intraday_plpc", Money(lastday == 0m ? 0m : intraday / (h.Qty * lastday)));
        w.WriteEndObject();
    }

    public static void Fill(Utf8JsonWriter w, SimFill f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("activity_type", "FILL");
        w.WriteString("type", f.Type);
        w.WriteString("transaction_time", Time(f.TransactionTime));
        w.WriteString("symbol", f.Symbol);
        w.WriteString("side", f.Side == OrderSide.Buy ? "buy" : "sell");
        w.WriteString("qty", Money(f.Qty));
        w.WriteString("price", Money(f.Price));
        w.WriteString("cum_qty", Money(f.CumQty));
        w.WriteString("leaves_qty", Money(f.LeavesQty));
        w.WriteString("order_id", f.OrderId);
        w.WriteString("order_status", f.OrderStatus);
        w.WriteEndObject();
    }

    public static void Error(Utf8JsonWriter w, SimError error)
    {
        w.WriteStartObject();
        w.WriteNumber("code", error.Code);
        w.WriteString("message", error.Message);
        foreach (var (name, value) in error.Extra ?? new Dictionary<string, string>())
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
    }

    private static void OptionalTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Time(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void OptionalMoney(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Money(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
