using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// A market order takes whatever the book offers: with a wide spread that is a loss at once. Limit orders
/// carry their own price and are judged by the price band instead.
/// </summary>
internal static class SpreadCheck
{
    public static void Check(OrderIntent? intent, QuoteSnapshot? quote, RiskOptions? options, List<RiskReason> reasons)
    {
        if (intent is not { Type: OrderType.Market } || options is null)
        {
            return;
        }

        if (quote is null || quote.Bid <= 0m || quote.Ask <= 0m || quote.Ask < quote.Bid)
        {
            if (options.RequireQuoteForMarketOrders)
            {
                reasons.Add(new(RiskReasonCode.MissingQuote, quote is null
                    ? "no latest quote for a market order (Risk:RequireQuoteForMarketOrders is set)"
                    : $"the latest quote is unusable (bid {RiskText.Num(quote.Bid)}, ask {RiskText.Num(quote.Ask)}) for a market order"));
            }

            return;
        }

        if (quote.Spread * 100m > options.MaxSpreadPct * quote.Mid)
        {
            reasons.Add(new(RiskReasonCode.SpreadTooWide,
                $"spread {RiskText.Num(quote.Spread)} (bid {RiskText.Num(quote.Bid)}, ask {RiskText.Num(quote.Ask)}) is {RiskText.Pct(quote.Spread / quote.Mid * 100m)} of the midpoint, above Risk:MaxSpreadPct {RiskText.Pct(options.MaxSpreadPct)}"));
        }
    }
}
