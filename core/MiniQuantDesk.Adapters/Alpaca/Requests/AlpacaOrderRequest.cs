using System.Globalization;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Alpaca.Requests;

/// <summary>
/// The body of <c>POST /v2/orders</c> (spec §4). Decimals go on the wire as strings (<c>"qty":"10"</c>).
/// <see cref="ClientOrderId"/> is required here: it is the idempotency key the submit recovery depends on.
/// </summary>
public sealed record AlpacaOrderRequest
{
    /// <summary>Alpaca's documented limit for client_order_id (the OpenAPI file says 48).</summary>
    public const int MaxClientOrderIdLength = 48;

    public required string Symbol { get; init; }
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }

    /// <summary>"buy" or "sell" (<see cref="AlpacaOrderSides"/>).</summary>
    public required string Side { get; init; }

    /// <summary>"market", "limit", "stop", "stop_limit", "trailing_stop" (<see cref="AlpacaOrderTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>"day", "gtc", "opg", "cls", "ioc", "fok" (<see cref="AlpacaTimeInForce"/>).</summary>
    public required string TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public bool? ExtendedHours { get; init; }
    public required string ClientOrderId { get; init; }

    /// <summary>"simple", "bracket", "oco", "oto" (<see cref="AlpacaOrderClasses"/>); null sends none (= simple).</summary>
    public string? OrderClass { get; init; }
    public AlpacaTakeProfit? TakeProfit { get; init; }
    public AlpacaStopLoss? StopLoss { get; init; }

    /// <summary>
    /// The broker order for a domain intent: client_order_id = intent id; a protection with both legs becomes a
    /// bracket, with one leg an OTO.
    /// </summary>
    public static AlpacaOrderRequest FromIntent(OrderIntent intent, string timeInForce = AlpacaTimeInForce.Day)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var protection = intent.Protection;
        var takeProfit = protection?.TakeProfitPrice is { } tp ? new AlpacaTakeProfit(tp) : null;
        var stopLoss = protection?.StopLossPrice is { } sl ? new AlpacaStopLoss(sl) : null;
        var orderClass = (takeProfit, stopLoss) switch
        {
            (not null, not null) => AlpacaOrderClasses.Bracket,
            (null, null) => null,
            _ => AlpacaOrderClasses.Oto,
        };

        return new AlpacaOrderRequest
        {
            Symbol = intent.Symbol,
            Qty = intent.Quantity,
            Side = intent.Side == OrderSide.Buy ? AlpacaOrderSides.Buy : AlpacaOrderSides.Sell,
            Type = intent.Type == OrderType.Limit ? AlpacaOrderTypes.Limit : AlpacaOrderTypes.Market,
            LimitPrice = intent.Type == OrderType.Limit ? intent.LimitPrice : null,
            TimeInForce = timeInForce,
            ClientOrderId = intent.IntentId,
            OrderClass = orderClass,
            TakeProfit = takeProfit,
            StopLoss = stopLoss,
        };
    }

    /// <summary>Problems Alpaca would reject anyway, or that would defeat idempotency; each names the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Symbol))
        {
            errors.Add("symbol must be set");
        }

        if (string.IsNullOrWhiteSpace(ClientOrderId))
        {
            errors.Add("client_order_id must be set: it is what makes a retried submit safe");
        }
        else if (ClientOrderId.Length > MaxClientOrderIdLength || ClientOrderId.Any(c => c > 0x7e || c < 0x20))
        {
            errors.Add($"client_order_id must be at most {MaxClientOrderIdLength} printable ASCII characters, was '{ClientOrderId}' ({ClientOrderId.Length.ToString(CultureInfo.InvariantCulture)} chars)");
        }

        if (Qty is null == Notional is null)
        {
            errors.Add("exactly one of qty and notional must be set");
        }

        if (Qty is <= 0 || Notional is <= 0)
        {
            errors.Add($"qty/notional must be > 0, was {Qty?.ToString(CultureInfo.InvariantCulture) ?? Notional?.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Type is AlpacaOrderTypes.Limit or AlpacaOrderTypes.StopLimit && LimitPrice is null)
        {
            errors.Add($"limit_price is required for type {Type}");
        }

        if (Type is AlpacaOrderTypes.Stop or AlpacaOrderTypes.StopLimit && StopPrice is null)
        {
            errors.Add($"stop_price is required for type {Type}");
        }

        if (OrderClass == AlpacaOrderClasses.Bracket && (TakeProfit is null || StopLoss is null))
        {
            errors.Add("a bracket order needs both take_profit.limit_price and stop_loss.stop_price");
        }

        return errors;
    }
}

/// <summary>The take-profit leg: <c>{"limit_price":"520.00"}</c>.</summary>
public sealed record AlpacaTakeProfit(decimal LimitPrice);

/// <summary>The stop-loss leg: <c>{"stop_price":"505.00"}</c>; with a limit price the stop leg is stop-limit.</summary>
public sealed record AlpacaStopLoss(decimal StopPrice, decimal? LimitPrice = null);
