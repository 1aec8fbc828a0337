using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// The Alpaca Trading API v2 (account, clock, calendar, orders, positions, fills): a typed client over an
/// <see cref="HttpClient"/> (register with <c>AddHttpClient&lt;AlpacaTradingClient&gt;</c>, or use
/// <see cref="Create"/>). Failures surface as <see cref="Errors.AlpacaException"/> carrying the broker's code and
/// message; an order submit never throws for a broker answer and returns a <see cref="SubmitOrderResult"/>.
/// </summary>
public sealed partial class AlpacaTradingClient
{
    private readonly AlpacaTransport transport;
    private readonly ILogger logger;

    public AlpacaTradingClient(HttpClient http, AlpacaOptions options, TimeProvider? timeProvider = null, ILogger<AlpacaTradingClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        transport = new AlpacaTransport(http, options, timeProvider ?? TimeProvider.System, this.logger);
        AlpacaLog.Created(this.logger, options.Mode, options.TradingBaseUrl.Host, options.DataBaseUrl.Host, AlpacaKeyRedaction.Redact(options.KeyId));
    }

    /// <summary>A client with its own pooled connection handler, for tests and the CLI.</summary>
    public static AlpacaTradingClient Create(AlpacaOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggers = null) =>
        new(AlpacaHttp.CreateClient(), options, timeProvider, loggers?.CreateLogger<AlpacaTradingClient>());

    private AlpacaOptions Options => transport.Options;

    private AlpacaUrl Url(string path) => new(Options.TradingBaseUrl, path);

    public Task<AlpacaAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        transport.SendForJsonAsync(Get(Url("/v2/account")), AlpacaJsonContext.Default.AlpacaAccount, cancellationToken);

    public Task<AlpacaClock> GetClockAsync(CancellationToken cancellationToken = default) =>
        transport.SendForJsonAsync(Get(Url("/v2/clock")), AlpacaJsonContext.Default.AlpacaClock, cancellationToken);

    /// <summary>Trading days from <paramref name="start"/> to <paramref name="end"/>, both inclusive; holidays are absent.</summary>
    public async Task<IReadOnlyList<AlpacaCalendarDay>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        var url = Url("/v2/calendar")
            .Add("start", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Add("end", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await transport.SendForJsonAsync(Get(url), AlpacaJsonContext.Default.ListAlpacaCalendarDay, cancellationToken).ConfigureAwait(false);
    }

    private static AlpacaCall Get(AlpacaUrl url) => new(HttpMethod.Get, url.ToUri(), null, SafeToRepeat: true);
}
