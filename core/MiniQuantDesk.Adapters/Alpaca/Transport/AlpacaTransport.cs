using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Json;
using Polly;
using Polly.Timeout;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>
/// Sends <see cref="AlpacaCall"/>s through the resilience pipelines and turns what comes back into values or
/// <see cref="AlpacaException"/>s. Shared by the trading and market-data clients.
/// </summary>
internal sealed class AlpacaTransport
{
    private const int MaxErrorTextLength = 500;
    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> unrepeatable;

    public AlpacaTransport(HttpClient http, AlpacaOptions options, TimeProvider time, ILogger logger)
    {
        this.http = http;
        Options = options;
        repeatable = AlpacaResiliencePipelines.Build(options, time, safeToRepeat: true, logger);
        unrepeatable = AlpacaResiliencePipelines.Build(options, time, safeToRepeat: false, logger);
    }

    public AlpacaOptions Options { get; }

    /// <summary>
    /// The final HTTP response of the call (any status), after the retries its kind allows.
    /// Throws <see cref="AlpacaException"/> (Timeout or Transport) when no response came.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(AlpacaCall call, CancellationToken cancellationToken)
    {
        var pipeline = call.SafeToRepeat ? repeatable : unrepeatable;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AlpacaResiliencePipelines.CallKey, call.Describe());
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var request = state.call.CreateRequest(state.Options);
                    return await state.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (call, http, Options)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AlpacaException(new AlpacaError(AlpacaErrorKind.Timeout, null, null, $"{call.Describe()} got no answer within {ex.Timeout}"), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlpacaException(new AlpacaError(AlpacaErrorKind.Timeout, null, null, $"{call.Describe()} timed out in HttpClient"), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlpacaException(new AlpacaError(AlpacaErrorKind.Transport, null, null, $"{call.Describe()} failed: {ex.Message}"), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends and reads a 2xx body as <typeparamref name="T"/>; any other status becomes an exception.</summary>
    public async Task<T> SendForJsonAsync<T>(AlpacaCall call, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForJsonAsync{T}"/> but a 404 yields null (unknown order, no position).</summary>
    public async Task<T?> SendForJsonOrNotFoundAsync<T>(AlpacaCall call, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, call, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, AlpacaCall call, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new JsonException("the body was JSON null");
        }
        catch (JsonException ex)
        {
            throw new AlpacaException(
                new AlpacaError(AlpacaErrorKind.InvalidResponse, response.StatusCode, null, $"{call.Describe()} answered a body that is not the documented shape: {ex.Message}"),
                ex);
        }
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new AlpacaException(await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The broker's code and message from an error response; the raw text when the body is not JSON.</summary>
    public static async Task<AlpacaError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ErrorFrom(response.StatusCode, bytes);
    }

    public static AlpacaError ErrorFrom(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var kind = AlpacaError.KindOf(status);
        try
        {
            if (JsonSerializer.Deserialize(body, AlpacaJsonContext.Default.AlpacaErrorBody) is { Message: not null } parsed)
            {
                return new AlpacaError(kind, status, parsed.Code, parsed.Message);
            }
        }
        catch (JsonException)
        {
            // Not Alpaca's JSON error shape (a proxy's HTML page, plain text): keep the text itself.
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length > MaxErrorTextLength)
        {
            text = text[..MaxErrorTextLength] + "…";
        }

        return new AlpacaError(kind, status, null, text.Length == 0 ? $"HTTP {(int)status} with no body" : text);
    }

    public static AlpacaError ErrorFrom(HttpStatusCode status, JsonElement body) =>
        ErrorFrom(status, Encoding.UTF8.GetBytes(body.GetRawText()));

    public byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
