using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.LocalHost;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Hosting;

/// <summary>One minute's path is one trace: the trace context rides inside queue messages from step to step.</summary>
public sealed class TraceContextTests
{
    [Fact]
    public async Task A_queue_invocation_continues_the_trace_of_the_message_and_passes_it_to_its_outputs()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DeskTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var app = TestAppRoot.Create(TestAppRoot.FastQueuesHostJson,
            ("Step", """{"bindings":[{"name":"msg","type":"queueTrigger","direction":"in","queueName":"a"},{"name":"next","type":"queue","direction":"out","queueName":"b"}]}"""));
        var step = new ForwardingStep();
        var dispatcher = new FunctionDispatcher(app, [step], NullLoggerFactory.Instance);
        const string upstream = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var message = new JsonObject { ["symbol"] = "SPY", ["traceparent"] = upstream }.ToJsonString();
        var payload = InvocationPayloads.Queue("Step", "msg", new QueueDelivery(message, "id", "pop", 1, null, null, null), DateTimeOffset.UnixEpoch);

        var result = await dispatcher.InvokeAsync("Step", Encoding.UTF8.GetBytes(payload.ToJsonString()), "inv", CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", step.SeenTraceId);
        var output = result.Body["Outputs"]!["next"]!.AsArray().Single()!;
        var forwarded = ActivityContext.Parse(output["traceparent"]!.GetValue<string>(), null);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", forwarded.TraceId.ToString());
        Assert.NotEqual("00f067aa0ba902b7", forwarded.SpanId.ToString()); // a child span, not the upstream one
    }

    private sealed class ForwardingStep : IQueueFunction
    {
        public string? SeenTraceId { get; private set; }

        public string Name => "Step";

        public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
        {
            SeenTraceId = context.Activity?.TraceId.ToString();
            context.Enqueue("next", new JsonObject { ["symbol"] = "SPY" });
            return Task.CompletedTask;
        }
    }
}
