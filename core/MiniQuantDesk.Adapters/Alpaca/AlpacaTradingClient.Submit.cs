using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

public sealed partial class AlpacaTradingClient
{
    /// <summary>
    /// <c>POST /v2/orders</c>, never blindly re-sent. After a timeout, 5xx or dropped connection the order is looked
    /// up by client_order_id: found → placed; not found → sent once more with the same id (a 422 duplicate then
    /// means the first had landed: look up again); still unsettled → <see cref="SubmitOrderResult.OutcomeUnknown"/>.
    /// A 429 is waited out and re-sent (Alpaca refused it unprocessed; the unchanged client_order_id would make a
    /// landed duplicate fail anyway). Throws only for an invalid request or the caller's cancellation.
    /// </summary>
    public async Task<SubmitOrderResult> SubmitOrderAsync(AlpacaOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = order.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"order {order.ClientOrderId}: {string.Join("; ", problems)}", nameof(order));
        }

        var id = order.ClientOrderId;
        var call = new AlpacaCall(HttpMethod.Post, Url("/v2/orders").ToUri(), transport.Serialize(order, AlpacaJsonContext.Default.AlpacaOrderRequest), SafeToRepeat: false);

        var first = await PostAsync(call, cancellationToken).ConfigureAwait(false);
        if (first.Order is { } placed)
        {
            return new SubmitOrderResult.Placed(placed, SubmitPath.Direct);
        }

        var error = first.Error!;
        if (error.IsDuplicateClientOrderId)
        {
            return await AdoptAsync(id, error, SubmitPath.FoundAfterDuplicate, cancellationToken).ConfigureAwait(false);
        }

        if (!first.Uncertain)
        {
            return new SubmitOrderResult.Rejected(id, error);
        }

        AlpacaLog.SubmitRecovery(logger, id, $"POST failed ({error}); looking the order up");
        var lookup = await LookUpAsync(id, cancellationToken).ConfigureAwait(false);
        if (lookup.Order is { } found)
        {
            return new SubmitOrderResult.Placed(found, SubmitPath.FoundAfterFailure);
        }

        if (lookup.Error is { } lookupError)
        {
            return Unknown(id, lookupError);
        }

        AlpacaLog.SubmitRecovery(logger, id, "not found at the broker; sending it once more with the same client_order_id");
        var second = await PostAsync(call, cancellationToken).ConfigureAwait(false);
        if (second.Order is { } resubmitted)
        {
            return new SubmitOrderResult.Placed(resubmitted, SubmitPath.Resubmitted);
        }

        var secondError = second.Error!;
        if (secondError.IsDuplicateClientOrderId)
        {
            return await AdoptAsync(id, secondError, SubmitPath.FoundAfterDuplicate, cancellationToken).ConfigureAwait(false);
        }

        if (!second.Uncertain)
        {
            return new SubmitOrderResult.Rejected(id, secondError);
        }

        var last = await LookUpAsync(id, cancellationToken).ConfigureAwait(false);
        return last.Order is { } late
            ? new SubmitOrderResult.Placed(late, SubmitPath.FoundAfterFailure)
            : Unknown(id, last.Error ?? secondError);
    }

    private SubmitOrderResult.OutcomeUnknown Unknown(string id, AlpacaError error)
    {
        AlpacaLog.SubmitUnknown(logger, id, error.ToString());
        return new SubmitOrderResult.OutcomeUnknown(id, error);
    }

    private async Task<SubmitOrderResult> AdoptAsync(string id, AlpacaError duplicate, SubmitPath path, CancellationToken cancellationToken)
    {
        AlpacaLog.SubmitRecovery(logger, id, "Alpaca already holds this client_order_id; adopting that order");
        var lookup = await LookUpAsync(id, cancellationToken).ConfigureAwait(false);
        return lookup.Order is { } found
            ? new SubmitOrderResult.Placed(found, path)
            : Unknown(id, lookup.Error ?? duplicate);
    }

    /// <summary>One POST: the order, a definite refusal, or an uncertain failure (it may have landed).</summary>
    private async Task<PostOutcome> PostAsync(AlpacaCall call, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await AlpacaTransport.ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                return new PostOutcome(null, error, Uncertain: error.Kind == AlpacaErrorKind.ServerError);
            }

            var order = await AlpacaTransport.ReadJsonAsync(response, AlpacaJsonContext.Default.AlpacaOrder, call, cancellationToken).ConfigureAwait(false);
            return new PostOutcome(order, null, Uncertain: false);
        }
        catch (AlpacaException ex) when (ex.Kind is AlpacaErrorKind.Timeout or AlpacaErrorKind.Transport or AlpacaErrorKind.InvalidResponse)
        {
            // A 2xx we cannot read most likely placed the order: the lookup settles it like a timeout would.
            return new PostOutcome(null, ex.Error, Uncertain: true);
        }
    }

    /// <summary>The lookup by client_order_id: the order, nothing (404), or a failure that settles nothing.</summary>
    private async Task<LookupOutcome> LookUpAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            return new LookupOutcome(await GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (AlpacaException ex)
        {
            return new LookupOutcome(null, ex.Error);
        }
    }

    private sealed record PostOutcome(AlpacaOrder? Order, AlpacaError? Error, bool Uncertain);

    private sealed record LookupOutcome(AlpacaOrder? Order, AlpacaError? Error);
}
