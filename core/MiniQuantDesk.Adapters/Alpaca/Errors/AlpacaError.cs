using System.Net;

namespace MiniQuantDesk.Adapters.Alpaca.Errors;

/// <summary>
/// A failed call: the broker's error body (<c>{"code":40310000,"message":"..."}</c>) when there was one, or what
/// the transport saw. <see cref="Code"/> is null when Alpaca sent none (401s, market-data errors, timeouts).
/// </summary>
public sealed record AlpacaError(AlpacaErrorKind Kind, HttpStatusCode? HttpStatus, long? Code, string Message)
{
    /// <summary>
    /// Alpaca's answer to a second POST with a client_order_id it has already seen: 422 "client_order_id must be
    /// unique" (code 40010001 is the generic validation code, so the message text is what identifies it).
    /// </summary>
    public bool IsDuplicateClientOrderId =>
        Kind == AlpacaErrorKind.Unprocessable
        && (Message.Contains("client_order_id must be unique", StringComparison.OrdinalIgnoreCase)
            || Message.Contains("client order id must be unique", StringComparison.OrdinalIgnoreCase));

    public static AlpacaErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 => AlpacaErrorKind.BadRequest,
        401 => AlpacaErrorKind.Unauthorized,
        403 => AlpacaErrorKind.Forbidden,
        404 => AlpacaErrorKind.NotFound,
        422 => AlpacaErrorKind.Unprocessable,
        429 => AlpacaErrorKind.RateLimited,
        >= 500 and <= 599 => AlpacaErrorKind.ServerError,
        _ => AlpacaErrorKind.Other,
    };

    public override string ToString() =>
        HttpStatus is { } status
            ? $"{Kind} (HTTP {(int)status}{(Code is { } code ? $", code {code}" : "")}): {Message}"
            : $"{Kind}: {Message}";
}
