using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Functions.Hosting;

/// <summary>
/// The invocation protocol, both directions, against the shapes in the custom-handler spec (§5-§7),
/// including the captured quirks: numbers as strings, strings quoted twice, message properties in Metadata.
/// </summary>
public sealed class InvocationContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 24, 13, 9, 0, TimeSpan.Zero);

    // Captured by the spec from a real host (queue trigger, message {"message":"hello","number":2}).
    private const string CapturedQueueInvocation = """
        {"Data":{"msg":"{\"message\":\"hello\",\"number\":2}"},
         "Metadata":{"DequeueCount":"1","ExpirationTime":"2023-10-19T20:13:49.640002Z","Id":"\"4e773554-f6b7-4ea2-b07d-4c5fd5aba741\"",
                     "InsertionTime":"2023-10-12T20:13:49.640002Z","NextVisibleTime":"2023-10-12T20:23:49.640002Z",
                     "PopReceipt":"\"AgAAAAMAAAAAAAAAAgtnj8x+1QE=\"","message":"\"hello\"","number":"2",
                     "sys":{"MethodName":"PlaceOrder","UtcNow":"2023-10-12T20:13:49.640002Z","RandGuid":"4e773554-f6b7-4ea2-b07d-4c5fd5aba741"}}}
        """;

    private const string CapturedTimerInvocation = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
                          "ScheduleStatus":{"Last":"2026-09-24T13:08:00.0096035+00:00","Next":"2026-09-24T13:09:00+00:00","LastUpdated":"2026-09-24T13:08:00.0096035+00:00"},
                          "IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"BarPoll","UtcNow":"2026-09-24T13:09:00.0123Z","RandGuid":"4e773554-f6b7-4ea2-b07d-4c5fd5aba741"}}}
        """;

    [Fact]
    public void Captured_queue_invocation_is_read_with_its_quirks_undone()
    {
        var request = InvocationRequest.Parse(Encoding.UTF8.GetBytes(CapturedQueueInvocation));
        var message = QueueTrigger.From(request, "msg");

        Assert.Equal("{\"message\":\"hello\",\"number\":2}", message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.Equal("4e773554-f6b7-4ea2-b07d-4c5fd5aba741", message.MessageId);
        Assert.Equal(2, message.ParseJson().GetProperty("number").GetInt32());
        Assert.Equal("PlaceOrder", request.InvocationSysValue("MethodName"));
    }

    [Fact]
    public void Documented_plain_values_are_read_too()
    {
        var body = """{"Data":{"msg":"{\"a\":1}"},"Metadata":{"DequeueCount":3,"Id":"abc"}}""";
        var message = QueueTrigger.From(InvocationRequest.Parse(Encoding.UTF8.GetBytes(body)), "msg");

        Assert.Equal(3, message.DequeueCount);
        Assert.Equal("abc", message.MessageId);
    }

    [Fact]
    public void A_non_json_text_message_loses_its_extra_quotes()
    {
        var body = """{"Data":{"msg":"\"hello\""},"Metadata":{}}""";
        Assert.Equal("hello", QueueTrigger.From(InvocationRequest.Parse(Encoding.UTF8.GetBytes(body)), "msg").Text);
    }

    [Fact]
    public void Captured_timer_invocation_is_read()
    {
        var timer = TimerTrigger.From(InvocationRequest.Parse(Encoding.UTF8.GetBytes(CapturedTimerInvocation)), "timer");

        Assert.False(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 9, 24, 13, 9, 0, TimeSpan.Zero), timer.Next);
    }

    [Fact]
    public void Queue_payload_the_local_host_sends_has_the_hosts_shape()
    {
        var delivery = new QueueDelivery("{\"message\":\"hello\",\"number\":2}", "4e77", "AgAA", 2, Now, Now.AddDays(7), Now.AddMinutes(10));
        var payload = InvocationPayloads.Queue("PlaceOrder", "msg", delivery, Now);

        var data = payload["Data"]!.AsObject();
        var metadata = payload["Metadata"]!.AsObject();
        Assert.Equal("{\"message\":\"hello\",\"number\":2}", data["msg"]!.GetValue<string>()); // a JSON string to parse again
        Assert.Equal("2", metadata["DequeueCount"]!.GetValue<string>());                        // numbers as strings
        Assert.Equal("\"4e77\"", metadata["Id"]!.GetValue<string>());                          // strings quoted twice
        Assert.Equal("\"AgAA\"", metadata["PopReceipt"]!.GetValue<string>());
        Assert.Equal("\"hello\"", metadata["message"]!.GetValue<string>());                    // message properties copied
        Assert.Equal("2", metadata["number"]!.GetValue<string>());
        Assert.Equal("PlaceOrder", metadata["sys"]!["MethodName"]!.GetValue<string>());
        Assert.EndsWith("Z", metadata["InsertionTime"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_local_host_sends_the_handler_reads_back()
    {
        var delivery = new QueueDelivery("{\"intentId\":\"x-1\"}", "id-9", "pop", 4, Now, null, null);
        var request = InvocationRequest.Parse(Encoding.UTF8.GetBytes(InvocationPayloads.Queue("PlaceOrder", "intent", delivery, Now).ToJsonString()));
        var message = QueueTrigger.From(request, "intent");

        Assert.Equal(("{\"intentId\":\"x-1\"}", "id-9", 4L), (message.Text, message.MessageId, message.DequeueCount));

        var timerPayload = InvocationPayloads.Timer("BarPoll", "timer", true, Now.AddMinutes(-5), Now, monitored: true, Now);
        var timer = TimerTrigger.From(InvocationRequest.Parse(Encoding.UTF8.GetBytes(timerPayload.ToJsonString())), "timer");
        Assert.True(timer.IsPastDue);
        Assert.Equal(Now, timer.Next);
        Assert.Null(InvocationPayloads.Timer("BarPoll", "timer", false, null, null, monitored: false, Now)["Data"]!["timer"]!["ScheduleStatus"]);
    }

    [Fact]
    public void Non_forwarded_http_payload_has_array_headers_and_omits_an_empty_body()
    {
        var request = new HttpEnvelopeRequest("http://localhost:7071/api/health?verbose=1", "GET",
            new Dictionary<string, string> { ["verbose"] = "1" }, new Dictionary<string, string> { ["Accept"] = "application/json" }, null);
        var payload = InvocationPayloads.Http("Health", "req", request, Now);

        var req = payload["Data"]!["req"]!.AsObject();
        Assert.IsType<JsonArray>(req["Headers"]!["Accept"]);
        Assert.Equal("application/json", payload["Metadata"]!["Headers"]!["Accept"]!.GetValue<string>());
        Assert.False(req.ContainsKey("Body"));
        var parsed = HttpRequestData.FromEnvelope(InvocationRequest.Parse(Encoding.UTF8.GetBytes(payload.ToJsonString())), "req");
        Assert.Equal(("GET", "/api/health", "1"), (parsed.Method, parsed.Path, parsed.Query["verbose"]));
    }

    [Fact]
    public void Answers_are_read_as_the_host_reads_them()
    {
        var function = new FunctionDefinition("PlaceOrder",
        [
            new BindingDefinition("intent", "queueTrigger", "in", QueueName: "order-intents"),
            new BindingDefinition("notify", "queue", "out", QueueName: "notifications"),
        ]);
        var answer = """{"Outputs":{"notify":[{"kind":"order"},"{\"kind\":\"fill\"}","abcd"],"undeclared":"x"},"Logs":["placed"],"ReturnValue":null}""";

        var outcome = InvocationSender.Read(function, 200, answer);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["{\"kind\":\"order\"}", "{\"kind\":\"fill\"}", Encoding.UTF8.GetString(Convert.FromBase64String("abcd"))], outcome.QueueOutputs["notify"]);
        Assert.False(outcome.QueueOutputs.ContainsKey("undeclared"));
        Assert.Equal(["placed"], outcome.Logs);
        Assert.False(InvocationSender.Read(function, 200, "not json").Succeeded);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Metadata\":{}}")]
    [InlineData("{\"Data\":\"oops\"}")]
    [InlineData("{\"Data\":{\"intent\":42},\"Metadata\":{}}")]
    public async Task Malformed_invocations_are_refused_with_a_clear_error_and_nothing_runs(string body)
    {
        var function = new CountingQueueFunction();
        var app = Support.TestAppRoot.Create(Support.TestAppRoot.FastQueuesHostJson,
            ("PlaceOrder", """{"bindings":[{"name":"intent","type":"queueTrigger","direction":"in","queueName":"order-intents"}]}"""));
        var dispatcher = new FunctionDispatcher(app, [function], NullLoggerFactory.Instance);

        var result = await dispatcher.InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(body), "inv-1", CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("PlaceOrder", result.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, function.Calls);
    }

    [Fact]
    public async Task Unknown_function_is_404_and_not_built_yet_is_a_failure_not_a_fake_success()
    {
        var app = Support.TestAppRoot.Create(Support.TestAppRoot.FastQueuesHostJson,
            ("BarPoll", """{"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 * * * * *"}]}"""));
        var dispatcher = new FunctionDispatcher(app, [new PlaceholderTimer()], NullLoggerFactory.Instance);
        var timer = Encoding.UTF8.GetBytes(CapturedTimerInvocation);

        Assert.Equal(404, (await dispatcher.InvokeAsync("Nope", timer, null, CancellationToken.None)).StatusCode);
        var placeholder = await dispatcher.InvokeAsync("BarPoll", timer, null, CancellationToken.None);
        Assert.Equal(501, placeholder.StatusCode);
        Assert.Contains("not built yet", placeholder.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_function_folder_of_the_app_has_an_implementation_and_the_eleven_exist()
    {
        var app = AppRoot.Load(AppContext.BaseDirectory);
        string[] expected = ["BarPoll", "DailySummary", "Dashboard", "DiscordInteractions", "EvaluateStrategies", "Health", "NotifyDiscord", "PlaceOrder", "Reconcile", "ReplyRescue", "TrackOrder"];

        Assert.Equal(expected, app.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.True(app.Find("Health")!.IsForwardedHttp(app.Host.EnableForwardingHttpRequest));
        Assert.True(app.Find("DiscordInteractions")!.IsForwardedHttp(app.Host.EnableForwardingHttpRequest));
        Assert.True(app.Find("Dashboard")!.IsForwardedHttp(app.Host.EnableForwardingHttpRequest));
        Assert.All(app.Functions.Where(f => f.Kind == TriggerKind.Timer), f => Assert.NotNull(MiniQuantDesk.Functions.LocalHost.TimerScheduler.Parse(f)));
        Assert.Equal(5, app.Host.Queues.MaxDequeueCount);
    }

    private sealed class PlaceholderTimer : ITimerFunction
    {
        public string Name => "BarPoll";

        public Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken) =>
            throw new NotBuiltYetException(Name, "a capability");
    }

    private sealed class CountingQueueFunction : IQueueFunction
    {
        public int Calls { get; private set; }

        public string Name => "PlaceOrder";

        public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
