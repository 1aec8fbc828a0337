using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Models;

namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// What became of an order submit: exactly one of <see cref="Placed"/>, <see cref="Rejected"/> (definitely not
/// placed) or <see cref="OutcomeUnknown"/> (maybe placed: keep the order Unresolved and look it up later by its
/// client_order_id; never submit it under a new id).
/// </summary>
public abstract record SubmitOrderResult
{
    private SubmitOrderResult(string clientOrderId) => ClientOrderId = clientOrderId;

    public string ClientOrderId { get; }

    /// <summary>Alpaca holds the order; <see cref="Path"/> says how we learned it.</summary>
    public sealed record Placed(AlpacaOrder Order, SubmitPath Path) : SubmitOrderResult(Order.ClientOrderId);

    /// <summary>Alpaca refused it (403 buying power/qty, 422 invalid, 400, 401, or 429 beyond the budget).</summary>
    public sealed record Rejected(string Id, AlpacaError Error) : SubmitOrderResult(Id);

    /// <summary>No answer could settle whether the order exists; <see cref="LastError"/> is the last failure seen.</summary>
    public sealed record OutcomeUnknown(string Id, AlpacaError LastError) : SubmitOrderResult(Id);
}

/// <summary>How a placed order was confirmed.</summary>
public enum SubmitPath
{
    /// <summary>The POST answered 200 with the order.</summary>
    Direct,

    /// <summary>The POST failed (timeout, 5xx, dropped connection) but the lookup by client_order_id found the order.</summary>
    FoundAfterFailure,

    /// <summary>The lookup found nothing, so the order was sent once more with the same client_order_id and accepted.</summary>
    Resubmitted,

    /// <summary>Alpaca answered 422 duplicate client_order_id; the lookup found the order that had landed.</summary>
    FoundAfterDuplicate,
}
