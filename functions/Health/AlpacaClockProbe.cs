using System.Text.Json;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Health;

/// <summary>Probes the broker with <c>GET /v2/clock</c>: cheap, authenticated, and it says whether the market is open.</summary>
public sealed class AlpacaClockProbe(HttpClient http, BrokerOptions broker) : IBrokerProbe
{
    public async Task<BrokerProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!broker.HasKeys)
        {
            return new BrokerProbeResult(false, null, "no broker keys configured (Alpaca:KeyId/SecretKey) and no simulated market running");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(broker.TradingBaseUrl, "/v2/clock"));
        request.Headers.Add("APCA-API-KEY-ID", broker.KeyId);
        request.Headers.Add("APCA-API-SECRET-KEY", broker.SecretKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new BrokerProbeResult(false, null, $"broker answered {(int)response.StatusCode}");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        bool? open = document.RootElement.TryGetProperty("is_open", out var isOpen) && isOpen.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? isOpen.GetBoolean()
            : null;
        return new BrokerProbeResult(true, open, null);
    }
}
