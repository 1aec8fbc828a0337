namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// One bar of trades for one symbol. <see cref="Start"/> is the bar's start (Alpaca labels bars by
/// their start), always UTC. Prices are decimal because they are money; volume is whole shares.
/// </summary>
public readonly record struct Bar(
    string Symbol,
    DateTimeOffset Start,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    long Volume);
