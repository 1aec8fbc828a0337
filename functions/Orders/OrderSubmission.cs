using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Broker;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// Sends an order that is in <c>Intended</c> to the broker, with its intent id as client_order_id. The
/// record moves to Submitting BEFORE the request, so a crash during the request leaves a trace that
/// TrackOrder resolves by looking the order up, never by sending it blind. The kill switch is read once
/// more right before sending: a kill that lands while the order waited in the queue still stops it.
/// </summary>
public sealed class OrderSubmission(BrokerClients broker, OrderLifecycle lifecycle, DeskStateStore state, ExposureReservations reservations, TimeProvider time)
{
    public async Task<StoredOrder> SubmitAsync(StoredOrder order, OrderIntent intent, ILogger logger, CancellationToken ct)
    {
        if ((await state.ReadFlagsAsync(ct)).KillSwitch)
        {
            var abandoned = await lifecycle.ApplyAsync(order, new CancelRequested(time.GetUtcNow()), logger, ct);
            await reservations.ReleaseAsync(intent.IntentId, ct);
            logger.LogWarning("Order {Id} not sent: the kill switch is engaged", intent.IntentId);
            return abandoned;
        }

        order = await lifecycle.ApplyAsync(order, new SubmitSent(time.GetUtcNow()), logger, ct);
        var result = await broker.Trading.SubmitOrderAsync(AlpacaOrderRequest.FromIntent(intent), ct);
        switch (result)
        {
            case SubmitOrderResult.Placed placed:
                order = await lifecycle.ApplyAsync(order, new SubmitAcknowledged(placed.Order.Id, time.GetUtcNow()), logger, ct);
                return await lifecycle.ApplyAsync(order, new StatusReported(placed.Order.Status, time.GetUtcNow()), logger, ct);
            case SubmitOrderResult.Rejected rejected:
                await reservations.ReleaseAsync(intent.IntentId, ct);
                return await lifecycle.ApplyAsync(order, new SubmitRefused($"{rejected.Error.HttpStatus} {rejected.Error.Message}", time.GetUtcNow()), logger, ct);
            case SubmitOrderResult.OutcomeUnknown unknown:
                // Exposure stays reserved until a lookup settles whether the order exists.
                return await lifecycle.ApplyAsync(order, new SubmitOutcomeUnknown(unknown.LastError.Message, time.GetUtcNow()), logger, ct);
            default:
                throw new InvalidOperationException("unknown submit result");
        }
    }
}
