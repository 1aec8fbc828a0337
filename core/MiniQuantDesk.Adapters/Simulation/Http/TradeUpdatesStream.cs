using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MiniQuantDesk.Adapters.Simulation.Exchange;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// Alpaca's <c>trade_updates</c> stream at <c>/stream</c>: authenticate, listen, then one event per order
/// status change and per execution, sent as binary frames holding JSON as the paper endpoint does. Events
/// missed while disconnected are not replayed (as at Alpaca): polling stays the source of truth.
/// </summary>
internal sealed class TradeUpdatesStream(SimExchange exchange, SimulatedClock clock, TimeProvider time, SimulatedMarketOptions options, CancellationToken stopping)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private int _connections;

    /// <summary>Stream connections that are listening: every order placed from now on is reported (for tests).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public event Action? DropRequested;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var drop = () => linked.Cancel();
        DropRequested += drop;
        var counted = false;
        try
        {
            if (await HandshakeAsync(socket, linked.Token))
            {
                await PumpAsync(socket, () => { Interlocked.Increment(ref _connections); counted = true; }, linked.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the test dropped the connection.
        }
        finally
        {
            DropRequested -= drop;
            if (counted)
            {
                Interlocked.Decrement(ref _connections);
            }

            socket.Abort();
        }
    }

    /// <summary>Aborts every open stream connection, as a network blip would.</summary>
    public void DropAll() => DropRequested?.Invoke();

    private async Task<bool> HandshakeAsync(WebSocket socket, CancellationToken ct)
    {
        using var auth = await ReceiveAsync(socket, ct);
        var data = auth?.RootElement.TryGetProperty("data", out var d) == true ? d : default;
        var key = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("key_id", out var k) ? k.GetString() : null;
        var secret = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("secret_key", out var s) ? s.GetString() : null;
        var ok = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret)
            && (options.KeyId is null || (key == options.KeyId && secret == options.SecretKey));
        await SendAsync(socket, w =>
        {
            w.WriteString("stream", "authorization");
            w.WriteStartObject("data");
            w.WriteString("status", ok ? "authorized" : "unauthorized");
            w.WriteString("action", "authenticate");
            w.WriteEndObject();
        }, ct);
        if (!ok)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", ct);
            return false;
        }

        using var listen = await ReceiveAsync(socket, ct);
        await SendAsync(socket, w =>
        {
            w.WriteString("stream", "listening");
            w.WriteStartObject("data");
            w.WriteStartArray("streams");
            w.WriteStringValue("trade_updates");
            w.WriteEndArray();
            w.WriteEndObject();
        }, ct);
        return true;
    }

    private async Task PumpAsync(WebSocket socket, Action listening, CancellationToken ct)
    {
        var seenStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        int seenFills;
        lock (exchange.Gate)
        {
            exchange.Advance(clock.Now(time));
            seenFills = exchange.Fills.Count;
            foreach (var o in exchange.Orders)
            {
                seenStatus[o.Id] = o.Status;
            }
        }

        listening();

        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var events = new List<byte[]>();
            lock (exchange.Gate)
            {
                var now = clock.Now(time);
                exchange.Advance(now);
                // Every order announces itself with "new" first, as Alpaca does, even when it filled
                // between two ticks.
                foreach (var order in exchange.Orders.Where(o => !seenStatus.ContainsKey(o.Id)))
                {
                    seenStatus[order.Id] = "new";
                    events.Add(Event("new", order, now, null, null));
                }

                for (; seenFills < exchange.Fills.Count; seenFills++)
                {
                    var fill = exchange.Fills[seenFills];
                    var order = exchange.Orders.FirstOrDefault(o => o.Id == fill.OrderId);
                    if (order is not null)
                    {
                        var position = exchange.Book.HoldingOf(fill.Symbol)?.Qty ?? 0m;
                        events.Add(Event(fill.Type, order, now, fill, position));
                        seenStatus[order.Id] = order.Status;
                    }
                }

                foreach (var order in exchange.Orders)
                {
                    if (!seenStatus.TryGetValue(order.Id, out var last) || last != order.Status)
                    {
                        seenStatus[order.Id] = order.Status;
                        events.Add(Event(order.Status, order, now, null, null));
                    }
                }
            }

            foreach (var payload in events)
            {
                await socket.SendAsync(payload, WebSocketMessageType.Binary, true, ct);
            }

            await Task.Delay(Tick, time, ct);
        }
    }

    private static byte[] Event(string kind, SimOrder order, DateTimeOffset now, SimFill? fill, decimal? positionQty)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("stream", "trade_updates");
            w.WriteStartObject("data");
            w.WriteString("event", kind);
            w.WriteString("timestamp", AlpacaWire.Time(fill?.TransactionTime ?? now));
            if (fill is not null)
            {
                w.WriteString("execution_id", fill.Id);
                w.WriteString("price", AlpacaWire.Money(fill.Price));
                w.WriteString("qty", AlpacaWire.Money(fill.Qty));
                w.WriteString("position_qty", AlpacaWire.Money(positionQty ?? 0m));
            }

            w.WritePropertyName("order");
            AlpacaWire.Order(w, order, nested: false);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task SendAsync(WebSocket socket, Action<Utf8JsonWriter> body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        await socket.SendAsync(buffer.ToArray(), WebSocketMessageType.Binary, true, ct);
    }

    private static async Task<JsonDocument?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage && message.Length < 64 * 1024);

        try
        {
            return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
