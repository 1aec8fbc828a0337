using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>A value read from a dependency, or why it could not be read (the page shows the reason in place).</summary>
public sealed record Reading<T>(T? Value, string? Error)
    where T : class
{
    public static Reading<T> Of(T value) => new(value, null);

    public static Reading<T> Failed(string error) => new(null, error);
}

/// <summary>One session close and the closes of the symbols held at it.</summary>
public sealed record SessionClose(DateOnly Date, DateTimeOffset At, IReadOnlyDictionary<string, decimal> Closes);

/// <summary>
/// Everything the dashboard shows, as read from storage and the broker at <see cref="Now"/> (market time), before
/// any of it is turned into JSON. The views are pure functions of this record.
/// </summary>
public sealed record DeskReadings
{
    public required DateTimeOffset Now { get; init; }

    public required DeskFlags Flags { get; init; }

    public DateTimeOffset? LastTick { get; init; }

    public required RiskStateStore.RiskState Risk { get; init; }

    public required IReadOnlyList<StoredOrder> Orders { get; init; }

    /// <summary>Transaction-log entries of the last 30 days, oldest first.</summary>
    public required IReadOnlyList<JsonObject> Log { get; init; }

    public required ExposureReservations.Snapshot Reserved { get; init; }

    public required Reading<AlpacaAccount> Account { get; init; }

    public required Reading<IReadOnlyList<AlpacaPosition>> Positions { get; init; }

    public required Reading<AlpacaClock> Clock { get; init; }

    public required Reading<IReadOnlyList<AlpacaOrder>> OpenBrokerOrders { get; init; }

    /// <summary>The latest stored bar of each traded symbol (null: none in the last week).</summary>
    public required IReadOnlyDictionary<string, Bar?> LastBars { get; init; }

    /// <summary>Today's stored closes per symbol, each known from its bar's end.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PricePoint>> DayPrices { get; init; }

    /// <summary>Closes of earlier sessions (last 30 days) for the symbols held at each close.</summary>
    public required IReadOnlyList<SessionClose> PastCloses { get; init; }

    public required IReadOnlyList<ShadowScore> Shadow { get; init; }
}
