using System.Text;
using MiniQuantDesk.Functions.BarPoll;
using MiniQuantDesk.Functions.Dashboard;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.NotifyDiscord;
using MiniQuantDesk.Functions.Orders;
using MiniQuantDesk.Functions.TrackOrder;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// In process, the parsing every invocation goes through before a function touches state: the envelope
/// (<see cref="InvocationRequest"/>), the trigger (queue, timer, HTTP), the trace context and each queue's
/// message reader. These are pure, so nothing can change state; the property is "accepted, or refused with an
/// <see cref="InvalidInvocationException"/> that says what is wrong", never another exception.
/// </summary>
public static class InvocationParserTarget
{
    public const string Name = "invocation+queue parsers";

    private static readonly Dictionary<string, Action<QueueTrigger>> MessageReaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EvaluateStrategies"] = m => BarTick.Parse(m),
        ["PlaceOrder"] = m => OrderIntentMessage.Parse(m),
        ["TrackOrder"] = m => TrackOrderMessage.Parse(m),
        ["NotifyDiscord"] = m => NotificationMessage.Parse(m),
        ["ReplyRescue"] = m => ReplyRescue.ReplyCheckMessage.Parse(m),
    };

    public static FuzzTally Run(AppRoot app, long inputs, ulong seed)
    {
        var tally = new FuzzTally(Name);
        var random = new FuzzRandom(seed, 11);
        var now = ValidMessages.Minute;
        tally.Start();
        for (long i = 0; i < inputs; i++)
        {
            var function = random.Pick(app.Functions);
            var body = InvocationInputs.Next(function, random, now);
            Check(tally, function, body);
        }

        tally.Stop();
        return tally;
    }

    public static void Check(FuzzTally tally, FunctionDefinition function, byte[] body)
    {
        try
        {
            Parse(function, body);
            tally.Accept();
        }
        catch (InvalidInvocationException ex) when (ex.Message.Length > 10)
        {
            tally.Refuse();
        }
        catch (InvalidInvocationException ex)
        {
            tally.RefuseUnclearly(Describe(function, body), $"refused without saying why: '{ex.Message}'");
        }
        catch (Exception ex)
        {
            tally.Crash(Describe(function, body), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>What the dispatcher and the function's first lines do with the body, in that order.</summary>
    public static void Parse(FunctionDefinition function, byte[] body)
    {
        var request = InvocationRequest.Parse(body);
        switch (function.Kind)
        {
            case TriggerKind.Queue:
                if (request.Data.TryGetValue(function.Trigger.Name, out var raw) && raw.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    QueueTraceContext.From(InvocationValue.UnwrapQuoted(raw.GetString()!));
                }

                var message = QueueTrigger.From(request, function.Trigger.Name);
                if (MessageReaders.TryGetValue(function.Name, out var read))
                {
                    read(message);
                }

                break;
            case TriggerKind.Timer:
                TimerTrigger.From(request, function.Trigger.Name);
                break;
            default:
                var http = HttpRequestData.FromEnvelope(request, function.Trigger.Name);
                if (function.Name == "Dashboard" && DashboardRequest.Parse(http.Method, http.Path, http.Query) is { Request: null, Error: var error } && string.IsNullOrWhiteSpace(error))
                {
                    throw new InvalidInvocationException("");
                }

                break;
        }
    }

    public static string Describe(FunctionDefinition function, byte[] body) => $"POST /{function.Name} {Encoding.UTF8.GetString(body)}";
}
