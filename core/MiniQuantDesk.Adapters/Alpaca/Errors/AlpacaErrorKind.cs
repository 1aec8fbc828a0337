namespace MiniQuantDesk.Adapters.Alpaca.Errors;

/// <summary>What went wrong with a call, in the terms a caller decides on.</summary>
public enum AlpacaErrorKind
{
    /// <summary>400: the request was malformed.</summary>
    BadRequest,

    /// <summary>401: missing or wrong keys (or paper keys against the live host).</summary>
    Unauthorized,

    /// <summary>403: e.g. insufficient buying power or qty, PDT/wash-trade protection, trading blocked.</summary>
    Forbidden,

    /// <summary>404: unknown order, no position for the symbol.</summary>
    NotFound,

    /// <summary>422: unprocessable, e.g. bad parameter, order not cancelable, duplicate client_order_id.</summary>
    Unprocessable,

    /// <summary>429 and the rate-limit wait exceeded the budget, or retries ran out.</summary>
    RateLimited,

    /// <summary>5xx after the retries allowed for the call.</summary>
    ServerError,

    /// <summary>No answer within the attempt or total time limit.</summary>
    Timeout,

    /// <summary>The connection failed or dropped (no HTTP status).</summary>
    Transport,

    /// <summary>A 2xx whose body could not be read as the documented shape.</summary>
    InvalidResponse,

    /// <summary>Any other HTTP status.</summary>
    Other,
}
