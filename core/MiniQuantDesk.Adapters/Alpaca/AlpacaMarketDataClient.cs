using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// The Alpaca Market Data API v2 for stocks (multi-symbol bars, latest quotes). Every call is a GET and is
/// retried on 429 (honouring the rate-limit headers), 5xx and timeouts within the configured bounds.
/// </summary>
public sealed class AlpacaMarketDataClient
{
    private readonly AlpacaTransport transport;

    public AlpacaMarketDataClient(HttpClient http, AlpacaOptions options, TimeProvider? timeProvider = null, ILogger<AlpacaMarketDataClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        transport = new AlpacaTransport(http, options, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>A client with its own pooled connection handler, for tests and the CLI.</summary>
    public static AlpacaMarketDataClient Create(AlpacaOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggers = null) =>
        new(AlpacaHttp.CreateClient(), options, timeProvider, loggers?.CreateLogger<AlpacaMarketDataClient>());

    /// <summary>
    /// <c>GET /v2/stocks/bars</c> for all symbols, following <c>next_page_token</c> until Alpaca sends none, merged per
    /// symbol in the order received (symbol, then time). A symbol without bars is absent from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>> GetBarsAsync(AlpacaBarsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Symbols.Count == 0 || request.Symbols.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("bars request: symbols must hold at least one non-empty symbol", nameof(request));
        }

        var merged = new Dictionary<string, List<AlpacaBar>>(StringComparer.Ordinal);
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 0; page < request.MaxPages; page++)
        {
            var url = new AlpacaUrl(transport.Options.DataBaseUrl, "/v2/stocks/bars")
                .Add("symbols", request.Symbols)
                .Add("timeframe", request.Timeframe)
                .Add("start", request.Start)
                .Add("end", request.End)
                .Add("limit", request.Limit)
                .Add("adjustment", request.Adjustment)
                .Add("feed", FeedName(request.Feed ?? transport.Options.Feed))
                .Add("page_token", pageToken);
            var call = new AlpacaCall(HttpMethod.Get, url.ToUri(), null, SafeToRepeat: true);
            var body = await transport.SendForJsonAsync(call, AlpacaJsonContext.Default.MultiBarsPage, cancellationToken).ConfigureAwait(false);
            foreach (var (symbol, bars) in body.Bars ?? [])
            {
                if (DescribeMalformed(symbol, bars) is { } malformed)
                {
                    // A null list, a null bar or a volume beyond whole shares is not the documented shape: refuse the
                    // whole answer with the broker error, rather than fail later on a null or an overflow.
                    throw new AlpacaException(new AlpacaError(AlpacaErrorKind.InvalidResponse, null, null, $"{call.Describe()} answered {malformed}"));
                }

                if (!merged.TryGetValue(symbol, out var list))
                {
                    merged[symbol] = list = [];
                }

                list.AddRange(bars);
            }

            if (string.IsNullOrEmpty(body.NextPageToken))
            {
                return merged.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<AlpacaBar>)kv.Value, StringComparer.Ordinal);
            }

            if (!seenTokens.Add(body.NextPageToken))
            {
                throw new AlpacaException(new AlpacaError(AlpacaErrorKind.InvalidResponse, null, null, $"bars paging repeated next_page_token '{body.NextPageToken}'"));
            }

            pageToken = body.NextPageToken;
        }

        throw new AlpacaException(new AlpacaError(AlpacaErrorKind.InvalidResponse, null, null, $"bars still had more pages after {request.MaxPages}"));
    }

    /// <summary><c>GET /v2/stocks/quotes/latest</c>: the latest quote per symbol; symbols without one are absent.</summary>
    public async Task<IReadOnlyDictionary<string, AlpacaQuote>> GetLatestQuotesAsync(IReadOnlyList<string> symbols, AlpacaDataFeed? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0 || symbols.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("latest quotes: symbols must hold at least one non-empty symbol", nameof(symbols));
        }

        var url = new AlpacaUrl(transport.Options.DataBaseUrl, "/v2/stocks/quotes/latest")
            .Add("symbols", symbols)
            .Add("feed", FeedName(feed ?? transport.Options.Feed));
        var call = new AlpacaCall(HttpMethod.Get, url.ToUri(), null, SafeToRepeat: true);
        var body = await transport.SendForJsonAsync(call, AlpacaJsonContext.Default.LatestQuotesPage, cancellationToken).ConfigureAwait(false);
        return body.Quotes ?? [];
    }

    private static string? DescribeMalformed(string symbol, List<AlpacaBar>? bars)
    {
        if (bars is null)
        {
            return $"null instead of the bars of '{symbol}'";
        }

        var at = bars.FindIndex(b => b is null || b.Volume > long.MaxValue || b.Volume < long.MinValue);
        return at < 0 ? null : bars[at] is null ? $"a null bar at index {at} of '{symbol}'" : $"a volume out of range ({bars[at].Volume}) at index {at} of '{symbol}'";
    }

    private static string FeedName(AlpacaDataFeed feed) => feed switch
    {
        AlpacaDataFeed.Sip => "sip",
        _ => "iex",
    };
}
