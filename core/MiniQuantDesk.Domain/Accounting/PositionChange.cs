namespace MiniQuantDesk.Domain.Accounting;

/// <summary>A position after a fill, and the P&amp;L the fill realised (gross of commission).</summary>
public sealed record PositionChange(Position Position, decimal RealizedPnl);
