namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>The order statuses the simulated market reports, spelled as Alpaca spells them.</summary>
internal static class SimOrderStatus
{
    public const string Accepted = "accepted";
    public const string New = "new";
    public const string Held = "held";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
    public const string Replaced = "replaced";

    public static bool IsTerminal(string status) => status is Filled or Canceled or Expired or Replaced;

    /// <summary>May trade in the next bar: working at the venue (held legs and accepted-before-the-open orders wait).</summary>
    public static bool IsWorking(string status) => status is New or PartiallyFilled;
}
