namespace MiniQuantDesk.Domain.MarketData;

/// <summary>Why a bar was refused (see <see cref="BarValidator"/>); the verdict carries a sentence too.</summary>
public enum BarRejection
{
    /// <summary>An open, high, low or close &lt;= 0.</summary>
    NonPositivePrice,

    /// <summary>A price above <see cref="BarValidationOptions.MaxPrice"/>.</summary>
    AbsurdPrice,

    /// <summary>high &lt; max(open, close).</summary>
    HighBelowOpenOrClose,

    /// <summary>low &gt; min(open, close).</summary>
    LowAboveOpenOrClose,

    /// <summary>high &lt; low.</summary>
    HighBelowLow,

    /// <summary>volume &lt; 0.</summary>
    NegativeVolume,

    /// <summary>The bar starts at the same instant as the last accepted bar of its symbol.</summary>
    Duplicate,

    /// <summary>The bar starts before the last accepted bar of its symbol.</summary>
    OutOfOrder,

    /// <summary>Too long after the bar's end (start + interval) to act on.</summary>
    Stale,

    /// <summary>A price further from the previous close than <see cref="BarValidationOptions.MaxMoveFromPreviousClose"/>, no known split explaining it.</summary>
    PriceJump,
}
