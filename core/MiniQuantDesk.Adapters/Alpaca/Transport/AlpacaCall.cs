using System.Net.Http.Headers;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>
/// One logical call. <see cref="SafeToRepeat"/> decides the resilience: GETs, cancels and DELETEs may be re-sent
/// after a 5xx or timeout; an order submit or replace may not (only a 429, which Alpaca refused unprocessed).
/// A fresh request message is built per attempt because an HttpRequestMessage cannot be sent twice.
/// </summary>
internal sealed record AlpacaCall(HttpMethod Method, Uri Url, byte[]? JsonBody, bool SafeToRepeat)
{
    public string Describe() => $"{Method} {Url.AbsolutePath}";

    public HttpRequestMessage CreateRequest(AlpacaOptions options)
    {
        var request = new HttpRequestMessage(Method, Url);
        request.Headers.Add("APCA-API-KEY-ID", options.KeyId);
        request.Headers.Add("APCA-API-SECRET-KEY", options.SecretKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (JsonBody is not null)
        {
            request.Content = new ByteArrayContent(JsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }
}
