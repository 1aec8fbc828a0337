namespace MiniQuantDesk.Adapters.Alpaca.Requests;

/// <summary>
/// Parameters of <c>GET /v2/stocks/bars</c> (spec §11). <see cref="Limit"/> counts bars across all symbols of a
/// page; the client follows <c>next_page_token</c> until Alpaca stops sending one.
/// </summary>
public sealed record AlpacaBarsRequest
{
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>"1Min", "5Min", "1Hour", "1Day", ...</summary>
    public string Timeframe { get; init; } = "1Min";
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }

    /// <summary>Bars per page, 1–10000 (Alpaca's default 1000).</summary>
    public int? Limit { get; init; }

    /// <summary>"raw" (default), "split", "dividend", "all".</summary>
    public string? Adjustment { get; init; }

    /// <summary>Overrides <see cref="AlpacaOptions.Feed"/> for this request.</summary>
    public AlpacaDataFeed? Feed { get; init; }

    /// <summary>Upper bound on pages followed, so a server that keeps sending tokens cannot loop us forever.</summary>
    public int MaxPages { get; init; } = 1000;
}
