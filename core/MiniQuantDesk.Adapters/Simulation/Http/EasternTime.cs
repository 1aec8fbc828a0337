using System.Globalization;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>Alpaca's clock shows instants with their New York offset: <c>2019-02-12T09:30:00-05:00</c>.</summary>
internal static class EasternTime
{
    public static string Format(DateTimeOffset instant)
    {
        var local = NewYorkTime.ToNewYork(instant);
        var withOffset = new DateTimeOffset(local, local - instant.UtcDateTime);
        return withOffset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }

    public static string WallClock(DateTimeOffset instant) =>
        NewYorkTime.ToNewYork(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
}
