namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>
/// A refusal in Alpaca's words: HTTP status, 8-digit code (first three digits = the status) and message, plus the
/// extra fields some 403s carry (<c>available</c>, <c>existing_qty</c>, <c>held_for_orders</c>, <c>symbol</c>).
/// </summary>
internal sealed record SimError(int Status, long Code, string Message, IReadOnlyDictionary<string, string>? Extra = null)
{
    public static SimError Invalid(string message) => new(422, 40010001, message);

    public static SimError BadRequest(string message) => new(400, 40010000, message);

    public static SimError NotFound(string message) => new(404, 40410000, message);

    public static SimError Forbidden(string message, IReadOnlyDictionary<string, string>? extra = null) => new(403, 40310000, message, extra);

    public static readonly SimError DuplicateClientOrderId = Invalid("client_order_id must be unique");

    public static readonly SimError NotCancelable = new(422, 42210000, "order is not cancelable");
}
