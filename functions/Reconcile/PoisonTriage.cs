using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Reconcile;

/// <summary>
/// Sorts what the poison queues hold: a message whose work the desk's records prove done (another copy did it) is
/// taken out, with a transaction-log record saying why; the rest is work not done, left in place for a person.
/// Without this a copy poisoned by a crash while its twin succeeded would page the trader for nothing, for ever.
/// </summary>
public sealed class PoisonTriage(PoisonQueues poison, OrderStore orders, TransactionLog log, SleeveStore sleeves, NotifyDiscord.NotificationLedger ledger)
{
    /// <summary>The poison queues after the triage: only messages whose work is not known done.</summary>
    public async Task<IReadOnlyList<PoisonedQueue>> RunAsync(ILogger logger, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var poisoned = await poison.ReadAsync(ct);
        if (poisoned.Count == 0)
        {
            return poisoned;
        }

        var facts = await FactsAsync(poisoned, now, ct);
        var removedAny = false;
        foreach (var queue in poisoned)
        {
            var done = queue.Oldest.Select(m => (Message: m, Why: PoisonedWork.DoneBecause(queue.Queue, m.Text, facts)))
                .Where(j => j.Why is not null)
                .ToList();
            if (done.Count == 0)
            {
                continue;
            }

            foreach (var (message, why) in done)
            {
                await log.AppendAsync(new JsonObject
                {
                    ["id"] = $"poison-cleared:{queue.PoisonQueue}:{message.MessageId}",
                    ["kind"] = "poison-cleared",
                    ["queue"] = queue.PoisonQueue,
                    ["messageId"] = message.MessageId,
                    ["reason"] = why,
                }, now, ct);
            }

            var removed = await poison.RemoveAsync(queue.Queue, done.Select(d => d.Message.MessageId).ToHashSet(StringComparer.Ordinal), ct);
            removedAny |= removed > 0;
            logger.LogWarning("{Removed} message(s) taken out of {Poison}: their work was done by another copy ({Why})",
                removed, queue.PoisonQueue, string.Join("; ", done.Select(d => d.Why)));
        }

        return removedAny ? await poison.ReadAsync(ct) : poisoned;
    }

    private async Task<PoisonedWork.Facts> FactsAsync(IReadOnlyList<PoisonedQueue> poisoned, DateTimeOffset now, CancellationToken ct)
    {
        var known = (await orders.ListAsync(ct)).ToDictionary(o => o.Record.ClientOrderId, o => o.Record.Status, StringComparer.Ordinal);

        // Refusals are in the log of the day they were decided: the intents' bar days and today cover it.
        var days = poisoned.Where(q => q.Queue == DeskQueues.OrderIntents)
            .SelectMany(q => q.Oldest.Select(m => BarDay(m.Text)))
            .OfType<DateTimeOffset>()
            .Append(now)
            .Select(d => d.UtcDateTime.Date)
            .Distinct();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            foreach (var entry in await log.ReadDayAsync(new DateTimeOffset(day, TimeSpan.Zero), ct))
            {
                if (entry["kind"]?.ToString() == "risk-rejection" && entry["intentId"]?.ToString() is { } intent)
                {
                    refused.Add(intent);
                }
            }
        }

        var evaluated = poisoned.Any(q => q.Queue == DeskQueues.BarTicks) ? (await sleeves.ReadAsync(ct)).Minute : null;
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in poisoned.Where(q => q.Queue == DeskQueues.Notifications).SelectMany(q => q.Oldest.Select(m => PoisonedWork.FieldOf(m.Text, "id"))).OfType<string>())
        {
            if (await ledger.IsDeliveredAsync(id, ct))
            {
                delivered.Add(id);
            }
        }

        return new PoisonedWork.Facts(known, refused, evaluated, delivered, now);
    }

    private static DateTimeOffset? BarDay(string text) =>
        PoisonedWork.FieldOf(text, "barTime") is { } bar && DateTimeOffset.TryParse(bar, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
