namespace MiniQuantDesk.Domain.MarketData;

/// <summary>All the bars of a file, ascending and unique by start, or an error and no bars at all.</summary>
public sealed record BarCsvResult(IReadOnlyList<Bar> Bars, BarCsvError? Error)
{
    public bool IsSuccess => Error is null;
}
