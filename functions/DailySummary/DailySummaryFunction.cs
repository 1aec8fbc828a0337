using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Reporting;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.NotifyDiscord;

namespace MiniQuantDesk.Functions.DailySummary;

/// <summary>
/// Hourly in the evening (UTC): if today's session has closed and its summary is not yet recorded as sent,
/// compose it and post it with the equity chart to the daily channel, then record it. A failed post is
/// released and the next hourly run tries again; a second run after success does nothing.
/// </summary>
public sealed class DailySummaryFunction(DailySummaryComposer composer, NotificationLedger ledger, DiscordNotifier notifier, NotificationRouter router, TimeProvider time) : ITimerFunction
{
    private static readonly UsEquityCalendar Calendar = UsEquityCalendar.Bundled();

    public string Name => "DailySummary";

    public async Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = Calendar.SessionOn(NewYorkTime.SessionDate(now));
        if (!DailySummarySchedule.IsDue(now, today))
        {
            context.Log($"no summary due at {now:O} (session {(today is { } s ? $"closes {s.CloseUtc:HH:mm} UTC" : "none today")})");
            return;
        }

        var id = DailySummarySchedule.IdFor(today!.Value.Date);
        var claim = await ledger.TryClaimAsync(id, TimeProvider.System.GetUtcNow(), cancellationToken);
        if (claim.State != NotificationLedger.ClaimState.Claimed)
        {
            context.Log($"{id}: {claim.State}");
            return;
        }

        try
        {
            var summary = await composer.ComposeAsync(cancellationToken);
            var route = router.Route(NotificationKind.DailySummary);
            if (route.Disposition != NotificationDisposition.Send)
            {
                context.Log($"log only ({route}): {id} day P&L {summary.Report.DayPnl} equity {summary.Report.EndEquity} trades {summary.Report.Trades.Count}");
                await ledger.MarkDeliveredAsync(claim, null, TimeProvider.System.GetUtcNow(), cancellationToken);
                return;
            }

            var outcome = await notifier.NotifyAsync(NotificationKind.DailySummary, summary.Message, DiscordFile.Png(EquityChart.FileName, summary.Chart, "Equity curve"), cancellationToken);
            if (outcome.Delivery is DiscordDelivery.Delivered delivered)
            {
                await ledger.MarkDeliveredAsync(claim, delivered.MessageId, TimeProvider.System.GetUtcNow(), cancellationToken);
                context.Log($"{id} posted (message {delivered.MessageId}): day P&L {summary.Report.DayPnl}");
                return;
            }

            throw new DiscordUnavailableException($"{id} not delivered: {outcome.Delivery}; the next run tries again");
        }
        catch
        {
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }
}
