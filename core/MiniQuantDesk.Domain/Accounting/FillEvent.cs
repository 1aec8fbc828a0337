using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// One execution at the broker: the unit that moves an order's filled quantity and the book's cash and
/// positions. <see cref="ExecutionId"/> is the broker's per-execution id (Alpaca's FILL activity id), the
/// key that keeps a re-reported fill from counting twice. Quantity is unsigned; <see cref="Side"/> gives
/// the direction. <see cref="Commission"/> is in USD and never negative.
/// </summary>
public sealed record FillEvent(
    string ClientOrderId,
    string ExecutionId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    DateTimeOffset At)
{
    /// <summary>The signed change to the position: + for a buy, − for a sell.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;

    /// <summary>Why this fill cannot be applied, one message per bad field; empty when it can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientOrderId))
        {
            errors.Add("FillEvent.ClientOrderId must not be empty");
        }

        if (string.IsNullOrWhiteSpace(ExecutionId))
        {
            errors.Add("FillEvent.ExecutionId must not be empty");
        }

        if (string.IsNullOrWhiteSpace(Symbol))
        {
            errors.Add("FillEvent.Symbol must not be empty");
        }

        if (!Enum.IsDefined(Side))
        {
            errors.Add(FormattableString.Invariant($"FillEvent.Side must be Buy or Sell, was {(int)Side}"));
        }

        if (Quantity <= 0)
        {
            errors.Add(FormattableString.Invariant($"FillEvent.Quantity must be > 0, was {Quantity}"));
        }

        if (Price <= 0)
        {
            errors.Add(FormattableString.Invariant($"FillEvent.Price must be > 0, was {Price}"));
        }

        if (Commission < 0)
        {
            errors.Add(FormattableString.Invariant($"FillEvent.Commission must be >= 0, was {Commission}"));
        }

        return errors;
    }
}
