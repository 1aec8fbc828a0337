namespace MiniQuantDesk.Domain.Ml;

/// <summary>What a feature measures; with its period it is a <see cref="FeatureDefinition"/>.</summary>
public enum FeatureKind
{
    /// <summary>Simple return over <c>Period</c> bars.</summary>
    Return,

    /// <summary>Distance of the close from the SMA of the indicator set.</summary>
    SmaDistance,

    /// <summary>Distance of the close from the EMA of the indicator set.</summary>
    EmaDistance,

    /// <summary>RSI of the indicator set, scaled to 0..1.</summary>
    Rsi,

    /// <summary>MACD histogram relative to the close.</summary>
    MacdHistogram,

    /// <summary>Position of the close inside the Bollinger bands (%B).</summary>
    BollingerPercentB,

    /// <summary>ATR relative to the close.</summary>
    AtrRelative,

    /// <summary>Distance of the close from the session VWAP.</summary>
    VwapDistance,

    /// <summary>Population standard deviation of the last <c>Period</c> one-bar returns.</summary>
    Volatility,

    /// <summary>Volume over its mean of the last <c>Period</c> bars.</summary>
    VolumeRatio,

    /// <summary>Minutes since the regular open, as a fraction of a full session.</summary>
    TimeOfDay,
}
