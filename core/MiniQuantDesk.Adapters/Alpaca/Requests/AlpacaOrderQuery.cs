namespace MiniQuantDesk.Adapters.Alpaca.Requests;

/// <summary>Filters of <c>GET /v2/orders</c> (spec §7); null leaves Alpaca's default.</summary>
public sealed record AlpacaOrderQuery
{
    /// <summary>"open" (Alpaca's default), "closed" or "all".</summary>
    public string? Status { get; init; }

    /// <summary>1–500; Alpaca's default is 50.</summary>
    public int? Limit { get; init; }

    /// <summary>Submitted strictly after this instant.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Submitted strictly before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>"asc" or "desc" (default) by submission time.</summary>
    public string? Direction { get; init; }

    /// <summary>Roll bracket/OCO/OTO legs up under their parent.</summary>
    public bool? Nested { get; init; }
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>"buy" or "sell".</summary>
    public string? Side { get; init; }
}
