using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Broker;

/// <summary>
/// The Alpaca clients, created on first use: a desk without keys still starts (health says why it cannot
/// trade) instead of refusing to boot, and a function that needs the broker fails with that reason.
/// </summary>
public sealed class BrokerClients(DeskSettings settings, ILoggerFactory loggers)
{
    private readonly Lazy<AlpacaTradingClient> _trading = new(() => AlpacaTradingClient.Create(Checked(settings), TimeProvider.System, loggers));
    private readonly Lazy<AlpacaMarketDataClient> _data = new(() => AlpacaMarketDataClient.Create(Checked(settings), TimeProvider.System, loggers));

    public AlpacaTradingClient Trading => _trading.Value;

    public AlpacaMarketDataClient Data => _data.Value;

    private static AlpacaOptions Checked(DeskSettings settings) => settings.Broker.HasKeys
        ? settings.Alpaca
        : throw new InvalidOperationException("no broker configured: set Alpaca__KeyId and Alpaca__SecretKey (or run ./desk local, which starts the simulated market)");
}
