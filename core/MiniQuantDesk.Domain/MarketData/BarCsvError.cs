namespace MiniQuantDesk.Domain.MarketData;

/// <summary>Why a bar CSV was refused: the 1-based line (the header is line 1), the field, and what was wrong.</summary>
public sealed record BarCsvError(int Line, string Field, string Problem)
{
    public override string ToString() => $"line {Line}, field {Field}: {Problem}";
}
