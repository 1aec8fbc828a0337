using Microsoft.Extensions.DependencyInjection;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Health;

namespace MiniQuantDesk.Functions.Hosting;

/// <summary>The composition root: which adapter serves which port, and the nine functions.</summary>
public static class DeskServices
{
    public static void Add(IServiceCollection services, DeskSettings settings, AppRoot app, TimeProvider? marketTime = null)
    {
        services.AddSingleton(settings);
        services.AddSingleton(app);
        // Decisions and schedules read market time (the simulated market's clock in a local run);
        // network timeouts always run on the real clock.
        services.AddSingleton(marketTime ?? TimeProvider.System);
        services.AddSingleton(new StorageAccount(settings.Storage));
        services.AddSingleton<DeskStateStore>();
        services.AddSingleton<BarStore>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<ExposureReservations>();
        services.AddSingleton<TransactionLog>();
        services.AddSingleton<RiskStateStore>();
        services.AddSingleton<SleeveStore>();
        services.AddSingleton<PositionAdjustmentStore>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<Reconcile.PoisonTriage>();
        Ml.ShadowMode.Add(services);
        services.AddSingleton<OrderTrackingQueue>();
        services.AddSingleton<Broker.BrokerClients>();
        services.AddSingleton<Orders.OrderLifecycle>();
        services.AddSingleton<Orders.RiskGate>();
        services.AddSingleton<Orders.OrderSubmission>();
        services.AddSingleton<Orders.OrderRefresh>();
        services.AddSingleton<Orders.KillSwitch>();
        services.AddSingleton(settings.Broker);
        Discord.DiscordServices.Add(services, settings.Discord);
        services.AddHttpClient<IBrokerProbe, AlpacaClockProbe>(http => http.Timeout = settings.Health.CheckTimeout + TimeSpan.FromSeconds(1));

        services.AddSingleton<IDeskFunction, BarPoll.BarPollFunction>();
        services.AddSingleton<IDeskFunction, EvaluateStrategies.EvaluateStrategiesFunction>();
        services.AddSingleton<IDeskFunction, PlaceOrder.PlaceOrderFunction>();
        services.AddSingleton<IDeskFunction, TrackOrder.TrackOrderFunction>();
        services.AddSingleton<IDeskFunction, Reconcile.ReconcileFunction>();
        services.AddSingleton<IDeskFunction, DailySummary.DailySummaryFunction>();
        services.AddSingleton<IDeskFunction, NotifyDiscord.NotifyDiscordFunction>();
        services.AddSingleton<IDeskFunction, DiscordInteractions.DiscordInteractionsFunction>();
        services.AddSingleton<IDeskFunction, HealthFunction>();
        services.AddSingleton<IDeskFunction, ReplyRescue.ReplyRescueFunction>();
        Dashboard.DashboardServices.Add(services);
        services.AddSingleton(sp => new InvocationHold(settings.Desk.StorageOutageHold, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<InvocationHold>>()));
        services.AddSingleton<FunctionDispatcher>();
    }
}
