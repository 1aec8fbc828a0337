using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// An incremental indicator for one symbol: each <see cref="Update(in Bar)"/> costs O(1) and allocates
/// nothing. Values are undefined (and <see cref="IsReady"/> is false) during warm-up, with the same
/// warm-up rows as R's TTR package.
/// </summary>
public interface IIndicator
{
    /// <summary>True once the indicator's value is defined (past its warm-up).</summary>
    bool IsReady { get; }

    /// <summary>Number of bars (or values) fed so far.</summary>
    int Samples { get; }

    /// <summary>Feeds one bar; bars must arrive in time order (validate them first).</summary>
    void Update(in Bar bar);

    /// <summary>
    /// Re-expresses the window in post-split units (prices divided by <paramref name="ratio"/>, volumes
    /// multiplied) so the next bar, quoted after the split, continues the series. 7 for a 7-for-1 split,
    /// 0.1 for a 1-for-10 reverse split.
    /// </summary>
    void ApplySplit(decimal ratio);
}
