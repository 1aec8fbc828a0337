using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// Listens to Alpaca's <c>trade_updates</c> WebSocket (<c>wss://…/stream</c>): authenticate, listen, and hand
/// every event to the caller. The connection is re-opened after any failure with a growing, capped back-off,
/// for as long as the caller runs it. Events missed while disconnected are not replayed by Alpaca, so this is
/// a fast path only: polling stays the source of truth.
/// </summary>
public sealed class AlpacaTradeUpdatesStream(AlpacaOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public int Connects { get; private set; }

    public Uri StreamUri
    {
        get
        {
            var builder = new UriBuilder(options.TradingBaseUrl) { Path = "/stream", Query = string.Empty };
            builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
            return builder.Uri;
        }
    }

    public async Task RunAsync(Func<TradeUpdate, CancellationToken, Task> onUpdate, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
                await HandshakeAsync(socket, ct);
                Connects++;
                backoff = TimeSpan.FromMilliseconds(250);
                logger.LogInformation("trade_updates stream connected at {Uri}", StreamUri);
                await ReadAsync(socket, onUpdate, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or TimeoutException or OperationCanceledException or InvalidDataException or JsonException)
            {
                logger.LogWarning("trade_updates stream lost ({Error}); reconnecting in {Delay} ms", ex.Message, backoff.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(backoff, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task HandshakeAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(HandshakeTimeout);
        await socket.ConnectAsync(StreamUri, timeout.Token);
        await SendAsync(socket, AuthenticateMessage(options.KeyId, options.SecretKey), timeout.Token);
        using (var auth = await ReceiveAsync(socket, timeout.Token) ?? throw new InvalidDataException("stream closed during authentication"))
        {
            var status = auth.RootElement.TryGetProperty("data", out var d) && d.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (status != "authorized")
            {
                throw new InvalidDataException($"trade_updates authentication refused ({status ?? "no status"})");
            }
        }

        await SendAsync(socket, """{"action":"listen","data":{"streams":["trade_updates"]}}""", timeout.Token);
        using var listening = await ReceiveAsync(socket, timeout.Token) ?? throw new InvalidDataException("stream closed before listening");
    }

    private static async Task ReadAsync(ClientWebSocket socket, Func<TradeUpdate, CancellationToken, Task> onUpdate, CancellationToken ct)
    {
        while (socket.State == WebSocketState.Open)
        {
            using var message = await ReceiveAsync(socket, ct) ?? throw new WebSocketException("the server closed the stream");
            if (Parse(message.RootElement) is { } update)
            {
                await onUpdate(update, ct);
            }
        }

        throw new WebSocketException($"stream state {socket.State}");
    }

    /// <summary>Reads one trade update; anything else (or a malformed one) is null, never an exception.</summary>
    public static TradeUpdate? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("stream", out var stream) || stream.GetString() != "trade_updates"
            || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("order", out var order) || order.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        decimal? Number(JsonElement e, string name) =>
            decimal.TryParse(Text(e, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateTimeOffset? At(JsonElement e, string name) =>
            DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

        var id = Text(order, "id");
        var client = Text(order, "client_order_id");
        var kind = Text(data, "event");
        if (id is null || client is null || kind is null)
        {
            return null;
        }

        return new TradeUpdate(kind, id, client, Text(order, "symbol") ?? string.Empty, Text(order, "status") ?? kind,
            Text(data, "execution_id"), Number(data, "price"), Number(data, "qty"), At(data, "timestamp"));
    }

    private static string AuthenticateMessage(string keyId, string secretKey)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("action", "authenticate");
            w.WriteStartObject("data");
            w.WriteString("key_id", keyId);
            w.WriteString("secret_key", secretKey);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Task SendAsync(ClientWebSocket socket, string json, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    // Paper sends binary frames holding JSON, live sends text: read both.
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
            if (message.Length > 1024 * 1024)
            {
                throw new InvalidDataException("trade_updates message larger than 1 MiB");
            }
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(message.ToArray());
    }
}
