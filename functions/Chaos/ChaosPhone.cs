using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The trader checking the desk from the phone while the faults run: a read command (<c>/positions</c>,
/// <c>/orders</c>, <c>/pnl</c>) at moments the seed picks. Those commands are deferred, so Discord shows "thinking…"
/// until the desk edits the reply through the interaction webhook, which is where Discord's faults land. Like Discord,
/// the phone gives the endpoint <see cref="InteractionDeadline"/> to acknowledge ("The application did not respond"
/// otherwise); a trader who sees nothing asks again, after <see cref="ReaskAfter"/> or <see cref="RetryAfterNoAnswer"/>,
/// until <see cref="GiveUpAfter"/>. A check that ends unanswered is a silent failure and fails the campaign.
/// </summary>
public sealed class ChaosPhone(ChaosStage stage, ChaosTrader trader)
{
    private static readonly string[] Commands = ["positions", "orders", "pnl"];
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<PhoneCheck> _done = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Discord's limit for the first answer to an interaction.</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the trader watches "thinking…" before asking again.</summary>
    public TimeSpan ReaskAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the trader waits after "The application did not respond" (its handler was killed, say).</summary>
    public TimeSpan RetryAfterNoAnswer { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When an unanswered check counts as a silent failure.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(3);

    public void Check(int draw, CancellationToken ct)
    {
        var command = Commands[draw % Commands.Length];
        var task = Task.Run(() => RunAsync(command, ct), ct);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for every check still in flight, then counts them.</summary>
    public async Task<PhoneFigures> FinishAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys);
        }

        return PhoneFigures.Of(_done);
    }

    private async Task RunAsync(string command, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var tokens = new List<string>();
        var (notAcknowledged, refused) = (0, 0);
        for (var ask = 1; clock.Elapsed < GiveUpAfter; ask++)
        {
            var watch = ReaskAfter;
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(InteractionDeadline);
                var interactions = new Uri(stage.Primary.Host.HttpBaseAddress!, "api/discord/interactions");
                var (token, answer) = await trader.AskAsync(interactions, command, deadline.Token);
                if (answer["type"]?.GetValue<int>() == 4)
                {
                    _done.Enqueue(new PhoneCheck(command, ask, clock.Elapsed, IsFailure(answer["data"]), notAcknowledged, refused));
                    return;
                }

                tokens.Add(token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                notAcknowledged++;
                watch = RetryAfterNoAnswer;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                refused++;
                watch = RetryAfterNoAnswer;
            }

            for (var watched = Stopwatch.StartNew(); watched.Elapsed < watch; await Task.Delay(Poll, ct))
            {
                // A reply to an earlier ask that lands late answers the trader just as well.
                if (tokens.Select(t => stage.Discord.Replies.GetValueOrDefault(t)).FirstOrDefault(r => r is not null) is { } reply)
                {
                    var message = Parse(reply);
                    _done.Enqueue(new PhoneCheck(command, ask, clock.Elapsed, IsFailure(message), notAcknowledged, refused, IsRescue(message)));
                    return;
                }
            }
        }

        _done.Enqueue(new PhoneCheck(command, null, clock.Elapsed, false, notAcknowledged, refused));
    }

    private static JsonNode? Parse(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A reply another process finished after the one that deferred it died (ReplyRescue).</summary>
    private static bool IsRescue(JsonNode? message) =>
        message?["content"]?.GetValue<string>() is { } content && content.StartsWith(Discord.DeskCommandRouter.LateAnswer, StringComparison.Ordinal);

    /// <summary>A red "… failed" or "… timed out" embed: the desk answered honestly that it could not find out.</summary>
    private static bool IsFailure(JsonNode? message) =>
        message?["embeds"]?[0]?["title"]?.GetValue<string>() is { } title
        && (title.EndsWith(" failed", StringComparison.Ordinal) || title.EndsWith(" timed out", StringComparison.Ordinal));
}
