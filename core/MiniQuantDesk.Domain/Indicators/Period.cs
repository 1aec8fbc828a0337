namespace MiniQuantDesk.Domain.Indicators;

internal static class Period
{
    public static int Require(int period, string name)
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(name, period, $"{name} must be >= 1, was {period}");
        }

        return period;
    }
}
