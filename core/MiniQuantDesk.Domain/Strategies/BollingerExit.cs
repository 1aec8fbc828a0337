namespace MiniQuantDesk.Domain.Strategies;

/// <summary>The band whose crossing ends a Bollinger reversion trade.</summary>
public enum BollingerExit
{
    Middle = 0,
    Upper = 1,
}
