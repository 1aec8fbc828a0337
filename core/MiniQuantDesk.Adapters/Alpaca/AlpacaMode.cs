namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>Which Alpaca environment the keys belong to. Paper is the default; live money needs saying so.</summary>
public enum AlpacaMode
{
    Paper,
    Live,
}
