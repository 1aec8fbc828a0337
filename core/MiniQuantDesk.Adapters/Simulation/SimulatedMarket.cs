using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Adapters.Simulation.Faults;
using MiniQuantDesk.Adapters.Simulation.Http;
using MiniQuantDesk.Adapters.Simulation.Replay;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation;

/// <summary>
/// A loopback stand-in for Alpaca (trading and market data on one base URL) that replays real 1-minute bars on a
/// fast simulated clock and fills orders against them. See docs/simulated-market.md.
/// </summary>
public sealed class SimulatedMarket : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimExchange exchange;
    private readonly TimeProvider time;

    private SimulatedMarket(WebApplication app, SimExchange exchange, SimulatedClock clock, SimulatedFaults faults, TimeProvider time, Uri baseAddress)
    {
        this.app = app;
        this.exchange = exchange;
        this.time = time;
        Clock = clock;
        Faults = faults;
        BaseAddress = baseAddress;
    }

    /// <summary>Where to point both <c>Alpaca:TradingBaseUrl</c> and <c>Alpaca:DataBaseUrl</c>: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The real → simulated time mapping; hand <see cref="SimulatedClock.Format"/> to other processes.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>Armed faults and the log of those applied.</summary>
    public SimulatedFaults Faults { get; }

    /// <summary>The simulated now.</summary>
    public DateTimeOffset Now => Clock.Now(time);

    /// <summary>The symbols being replayed.</summary>
    public IReadOnlyList<string> Symbols => exchange.Tape.Symbols;

    /// <summary>
    /// Starts the market on 127.0.0.1 (port from the options, 0 = any free one). <paramref name="timeProvider"/> is the
    /// REAL clock the simulated one is derived from (default the system clock; a FakeTimeProvider in tests).
    /// Throws <see cref="ArgumentException"/> for bad options and <see cref="InvalidDataException"/> for bad bar files.
    /// </summary>
    public static async Task<SimulatedMarket> StartAsync(SimulatedMarketOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var time = timeProvider ?? TimeProvider.System;
        var tape = BarTapeLoader.Load(options.BarsPath);
        var calendar = UsEquityCalendar.Bundled();
        var clock = options.Clock ?? SimulatedClock.StartingNow(time, options.MarketStart ?? FirstOpen(tape, calendar), options.Speed);
        var exchange = new SimExchange(tape, calendar, options.StartingCash, options.MaxVolumeFraction);
        var faults = new SimulatedFaults(options.FaultSeed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear(); // the host process's Kestrel/URL settings must not add endpoints here
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var router = new SimRouter(exchange, clock, time, faults, options, clock.MarketEpoch);
        var stopping = new CancellationTokenSource();
        var stream = new TradeUpdatesStream(exchange, clock, time, options, stopping.Token);
        app.UseWebSockets();
        app.Map("/stream", branch => branch.Run(stream.HandleAsync));
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return new SimulatedMarket(app, exchange, clock, faults, time, address) { _stream = stream, _streamStopping = stopping };
    }

    /// <summary>
    /// A <paramref name="ratio"/>-for-1 split of <paramref name="symbol"/> now: position qty × ratio, average price / ratio,
    /// open orders' qty × ratio and prices / ratio, and every bar not yet completed trades at price / ratio.
    /// </summary>
    public void ApplySplit(string symbol, decimal ratio)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratio, 0m);
        lock (exchange.Gate)
        {
            if (!exchange.Tape.Has(symbol))
            {
                throw new ArgumentException($"the simulated market does not replay {symbol}", nameof(symbol));
            }

            exchange.Advance(Now);
            exchange.ApplySplit(symbol, ratio);
        }
    }

    /// <summary>The account after replaying every bar completed by now.</summary>
    public SimulatedMarketState State()
    {
        lock (exchange.Gate)
        {
            exchange.Advance(Now);
            var book = exchange.Book;
            return new SimulatedMarketState(
                exchange.Now,
                book.Cash,
                book.Equity,
                exchange.BuyingPower,
                [.. book.Holdings.Select(h => new SimulatedPosition(h.Symbol, h.Qty, h.AvgEntryPrice, h.CostBasis, book.MarkOf(h)))],
                [.. exchange.Orders.Select(o => new SimulatedOrder(o.Id, o.ClientOrderId, o.Symbol, Side(o.Side), o.Type, o.Qty, o.FilledQty,
                    o.FilledAvgPrice, o.LimitPrice, o.StopPrice, o.Status, o.Parent?.Id, o.SubmittedAt))],
                [.. exchange.Fills.Select(f => new SimulatedExecution(f.Id, f.TransactionTime, f.Symbol, Side(f.Side), f.Qty, f.Price, f.OrderId))]);
        }
    }

    /// <summary>The bars of a symbol the market replays (all of them, completed or not), ascending.</summary>
    public IReadOnlyList<Bar> BarsOf(string symbol)
    {
        lock (exchange.Gate)
        {
            return [.. exchange.Tape.BarsOf(symbol)];
        }
    }

    private TradeUpdatesStream? _stream;
    private CancellationTokenSource? _streamStopping;

    /// <summary>Open <c>trade_updates</c> stream connections.</summary>
    public int StreamConnections => _stream?.Connections ?? 0;

    /// <summary>Aborts every stream connection, as a network blip would (events in between are not replayed).</summary>
    public void DropStreams() => _stream?.DropAll();

    public async ValueTask DisposeAsync()
    {
        if (_streamStopping is not null)
        {
            await _streamStopping.CancelAsync().ConfigureAwait(false);
            _streamStopping.Dispose();
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    /// <summary>The regular open of the first session that has bars (the first bar's start if none falls in a session).</summary>
    private static DateTimeOffset FirstOpen(BarTape tape, UsEquityCalendar calendar)
    {
        var first = tape.Minutes[0];
        return calendar.SessionOn(NewYorkTime.SessionDate(first)) is { } session && session.OpenUtc >= first ? session.OpenUtc : first;
    }
}
