using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// The optional fast path (<c>Desk__StreamTradeUpdates=true</c>): every broker event about an order the desk
/// knows becomes an immediate TrackOrder message, so a fill is in the books within the second instead of at
/// the next poll. Polling stays: losing the stream (or an event) loses nothing, only speed.
/// </summary>
public sealed class TradeUpdatesListener(AlpacaTradeUpdatesStream stream, OrderStore orders, OrderTrackingQueue tracking, ILogger<TradeUpdatesListener> logger) : BackgroundService
{
    public int Forwarded { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => stream.RunAsync(OnUpdateAsync, stoppingToken);

    public async Task OnUpdateAsync(TradeUpdate update, CancellationToken ct)
    {
        try
        {
            if (await orders.GetAsync(update.ClientOrderId, ct) is null)
            {
                return; // not ours: Reconcile adopts it
            }

            await tracking.ScheduleAsync(update.ClientOrderId, 1, TimeSpan.Zero, null, ct);
            Forwarded++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("trade update for {Order} not forwarded ({Error}); polling will catch it", update.ClientOrderId, ex.Message);
        }
    }
}
