namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// The market-data source sent as <c>feed=</c>. Requested explicitly so behaviour does not change silently
/// with the subscription (the free plan defaults to IEX, paid plans to SIP).
/// </summary>
public enum AlpacaDataFeed
{
    Iex,
    Sip,
}
