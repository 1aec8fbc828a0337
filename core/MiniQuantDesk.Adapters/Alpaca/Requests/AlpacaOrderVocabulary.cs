namespace MiniQuantDesk.Adapters.Alpaca.Requests;

/// <summary>Alpaca's <c>side</c> values.</summary>
public static class AlpacaOrderSides
{
    public const string Buy = "buy";
    public const string Sell = "sell";
}

/// <summary>Alpaca's <c>type</c> values (OpenAPI <c>OrderType</c>).</summary>
public static class AlpacaOrderTypes
{
    public const string Market = "market";
    public const string Limit = "limit";
    public const string Stop = "stop";
    public const string StopLimit = "stop_limit";
    public const string TrailingStop = "trailing_stop";
}

/// <summary>Alpaca's <c>time_in_force</c> values (OpenAPI <c>TimeInForce</c>).</summary>
public static class AlpacaTimeInForce
{
    public const string Day = "day";
    public const string Gtc = "gtc";
    public const string Opg = "opg";
    public const string Cls = "cls";
    public const string Ioc = "ioc";
    public const string Fok = "fok";
}

/// <summary>Alpaca's <c>order_class</c> values (OpenAPI <c>OrderClass</c>).</summary>
public static class AlpacaOrderClasses
{
    public const string Simple = "simple";
    public const string Bracket = "bracket";
    public const string Oco = "oco";
    public const string Oto = "oto";
}
