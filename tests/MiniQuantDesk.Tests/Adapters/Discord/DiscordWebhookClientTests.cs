using System.Text.Json;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Webhooks;
using MiniQuantDesk.Tests.Adapters.Alpaca;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>The webhook and follow-up protocol against a loopback Discord: wire shape, files, errors, retries, timeouts.</summary>
public sealed class DiscordWebhookClientTests : IAsyncLifetime
{
    private const string WebhookToken = "webhook-token-SECRET-abc";
    private LoopbackDiscordServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackDiscordServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private DiscordWebhookClient Client(Action<DiscordOptions>? change = null, ILoggerFactory? loggers = null) =>
        DiscordWebhookClient.Create(DiscordTestSetup.Options(server, change), loggers: loggers);

    private static readonly DiscordMessage Fill = DiscordMessage.Of(new DiscordEmbed
    {
        Title = "Filled: BUY 10 AAPL @ 175.03",
        Color = 0x2ECC71,
        Timestamp = new DateTimeOffset(2024, 3, 4, 14, 31, 3, 110, TimeSpan.Zero),
        Fields = [new EmbedField("Strategy", "momo", true), new EmbedField("Order", "61e69015", true)],
        FooterText = "paper",
    });

    [Fact]
    public async Task A_channel_webhook_post_has_the_spec_shape_and_returns_the_message_id()
    {
        var delivery = await Client().ExecuteAsync(server.Webhook(), Fill);

        var delivered = Assert.IsType<DiscordDelivery.Delivered>(delivery);
        Assert.Equal("msg-1", delivered.MessageId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/webhooks/111222333/{WebhookToken}", request.Path);
        Assert.Equal("?wait=true", request.Query);
        Assert.StartsWith("DiscordBot (", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal("Filled: BUY 10 AAPL @ 175.03", embed.GetProperty("title").GetString());
        Assert.Equal(3066993, embed.GetProperty("color").GetInt32());
        Assert.Equal("2024-03-04T14:31:03.110Z", embed.GetProperty("timestamp").GetString());
        Assert.True(embed.GetProperty("fields")[0].GetProperty("inline").GetBoolean());
        Assert.Equal("paper", embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_file_goes_as_multipart_with_payload_json_and_files_0()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var file = DiscordFile.Png("equity.png", png, "Equity curve");
        var message = DiscordMessage.Of(new DiscordEmbed { Title = "Daily summary", ImageUrl = file.AttachmentUrl });

        var delivery = await Client().ExecuteAsync(server.Webhook(), message, file);

        Assert.True(delivery.IsDelivered);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var uploaded = Assert.Single(request.Files);
        Assert.Equal("files[0]", uploaded.Name);
        Assert.Equal("equity.png", uploaded.FileName);
        Assert.Equal("image/png", uploaded.ContentType);
        Assert.Equal(png, uploaded.Content);

        var payload = JsonDocument.Parse(request.Form["payload_json"]).RootElement;
        var attachment = payload.GetProperty("attachments")[0];
        Assert.Equal(0, attachment.GetProperty("id").GetInt32());
        Assert.Equal("equity.png", attachment.GetProperty("filename").GetString());
        Assert.Equal("Equity curve", attachment.GetProperty("description").GetString());
        Assert.Equal("attachment://equity.png", payload.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Follow_up_posts_and_edit_original_patches_the_interaction_webhook()
    {
        var client = Client();
        var followUp = await client.SendFollowUpAsync("775799577604522054", "interaction-TOKEN", DiscordMessage.Text("done", MessageFlags.Ephemeral));
        var edit = await client.EditOriginalAsync("775799577604522054", "interaction-TOKEN", DiscordMessage.Text("3 positions", MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds));

        Assert.True(followUp.IsDelivered);
        Assert.True(edit.IsDelivered);
        var post = server.Requests[0];
        Assert.Equal(("POST", "/api/v10/webhooks/775799577604522054/interaction-TOKEN"), (post.Method, post.Path));
        Assert.Equal(64, JsonDocument.Parse(post.Body).RootElement.GetProperty("flags").GetInt32());
        var patch = server.Requests[1];
        Assert.Equal(("PATCH", "/api/v10/webhooks/775799577604522054/interaction-TOKEN/messages/@original"), (patch.Method, patch.Path));
        var patchBody = JsonDocument.Parse(patch.Body).RootElement;
        Assert.Equal("3 positions", patchBody.GetProperty("content").GetString());
        Assert.Equal(4, patchBody.GetProperty("flags").GetInt32());
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Oversized_text_is_cut_to_every_limit_before_it_reaches_Discord()
    {
        var embeds = Enumerable.Range(0, 12).Select(i => new DiscordEmbed
        {
            Title = new string('t', 300),
            AuthorName = new string('a', 300),
            Description = new string('d', 5000),
            Fields = Enumerable.Range(0, 30).Select(_ => new EmbedField(new string('n', 300), new string('v', 2000))).ToList(),
            FooterText = new string('f', 3000),
        }).ToList();

        var delivery = await Client().ExecuteAsync(server.Webhook(), new DiscordMessage { Content = new string('c', 2500), Embeds = embeds });

        Assert.True(delivery.IsDelivered);
        var body = JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement;
        Assert.Equal(2000, body.GetProperty("content").GetString()!.Length);
        var sent = body.GetProperty("embeds").EnumerateArray().ToList();
        Assert.InRange(sent.Count, 1, 10);
        var total = 0;
        foreach (var e in sent)
        {
            total += Len(e, "title", 256) + Len(e, "description", 4096) + Nested(e, "author", "name", 256) + Nested(e, "footer", "text", 2048);
            var fields = e.TryGetProperty("fields", out var f) ? f.EnumerateArray().ToList() : [];
            Assert.InRange(fields.Count, 0, 25);
            total += fields.Sum(x => Len(x, "name", 256) + Len(x, "value", 1024));
        }

        Assert.Equal(6000, total);
        // The budget is spent in reading order: the first embed's title is cut at 256 with the ellipsis last.
        Assert.Equal(new string('t', 255) + "…", sent[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_empty_message_or_a_bad_webhook_url_fails_without_a_request()
    {
        var client = Client();
        var empty = await client.ExecuteAsync(server.Webhook(), new DiscordMessage { Content = "   " });
        var notWebhook = await client.ExecuteAsync(new Uri(server.Url, "/api/channels/1/messages"), DiscordMessage.Text("x"));

        Assert.Contains("empty", Assert.IsType<DiscordDelivery.Failed>(empty).Reason, StringComparison.Ordinal);
        Assert.Contains("not a webhook URL", Assert.IsType<DiscordDelivery.Failed>(notWebhook).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_carries_Discords_code_without_the_token()
    {
        // A server that echoes the URL (token included) in its error must not leak it through the Reason.
        server.Answer = (r, _) => DiscordReply.Error(400, 50035, $"Invalid Form Body at {r.Path}");
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        var failed = Assert.IsType<DiscordDelivery.Failed>(await Client(loggers: loggers).ExecuteAsync(server.Webhook(), Fill));

        Assert.Equal(400, failed.Status);
        Assert.Equal(50035, failed.DiscordCode);
        Assert.False(failed.Transient);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(WebhookToken, failed.Reason, StringComparison.Ordinal);
        Assert.Contains("Invalid Form Body", failed.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(WebhookToken, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_404_means_the_webhook_is_gone()
    {
        server.Answer = (_, _) => DiscordReply.Error(404, 10015, "Unknown Webhook");
        var failed = Assert.IsType<DiscordDelivery.Failed>(await Client().ExecuteAsync(server.Webhook(), Fill));
        Assert.True(failed.WebhookGone);
        Assert.Equal(10015, failed.DiscordCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_a_bounded_number_of_times_then_reported()
    {
        server.Answer = (_, _) => new DiscordReply(502, "<html>Bad Gateway</html>");
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        var failed = Assert.IsType<DiscordDelivery.Failed>(await Client(o => o.MaxRetries = 2, loggers).ExecuteAsync(server.Webhook(), Fill));

        Assert.Equal(502, failed.Status);
        Assert.True(failed.Transient);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(WebhookToken, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_5xx_then_success_is_delivered_on_the_second_attempt()
    {
        server.Answer = (_, n) => n == 1 ? new DiscordReply(500, null) : DiscordReply.Message("m2");
        var delivered = Assert.IsType<DiscordDelivery.Delivered>(await Client().ExecuteAsync(server.Webhook(), Fill));
        Assert.Equal(("m2", 2), (delivered.MessageId, delivered.Attempts));
    }

    [Fact]
    public async Task A_stalled_Discord_times_out_each_attempt_and_fails_without_throwing()
    {
        server.Answer = (_, _) => DiscordReply.Never();
        var client = Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.MaxRetries = 1;
        });

        var failed = Assert.IsType<DiscordDelivery.Failed>(await client.ExecuteAsync(server.Webhook(), Fill));

        Assert.Null(failed.Status);
        Assert.Contains("no answer within", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(2, failed.Attempts);
    }

    [Fact]
    public async Task One_interaction_reply_stuck_in_Discord_does_not_hold_up_another_but_channel_posts_wait_their_turn()
    {
        // The first PATCH and the first channel post stall; everything else is answered at once.
        var stall = new[] { "interaction-token-stuck", "/api/webhooks/111222333/" };
        server.Answer = (request, _) => stall.Any(s => request.Path.Contains(s, StringComparison.Ordinal)) && request.Body.Contains("first", StringComparison.Ordinal)
            ? DiscordReply.Never()
            : DiscordReply.Message("m");
        var client = Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.MaxRetries = 0;
        });

        var stuck = client.EditOriginalAsync("775799577604522054", "interaction-token-stuck", DiscordMessage.Text("first"));
        var channelStuck = client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("first"));
        await Task.Delay(200);
        var other = client.EditOriginalAsync("775799577604522054", "interaction-token-other", DiscordMessage.Text("second"));
        var channelNext = client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("second"));

        Assert.True((await other.WaitAsync(TimeSpan.FromSeconds(3))).IsDelivered);
        Assert.False(stuck.IsCompleted);
        Assert.False(channelNext.IsCompleted); // posts to one webhook keep their order
        Assert.IsType<DiscordDelivery.Failed>(await stuck);
        Assert.IsType<DiscordDelivery.Failed>(await channelStuck);
        Assert.True((await channelNext).IsDelivered);
    }

    [Fact]
    public async Task Nothing_listening_is_a_transient_failure()
    {
        var dead = new Uri($"http://127.0.0.1:1/api/webhooks/111222333/{WebhookToken}");
        var failed = Assert.IsType<DiscordDelivery.Failed>(await Client(o => o.MaxRetries = 0).ExecuteAsync(dead, Fill));
        Assert.True(failed.Transient);
        Assert.DoesNotContain(WebhookToken, failed.Reason, StringComparison.Ordinal);
    }

    private static int Len(JsonElement e, string name, int max)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return 0;
        }

        var length = value.GetString()!.Length;
        Assert.InRange(length, 1, max);
        return length;
    }

    private static int Nested(JsonElement e, string outer, string inner, int max) =>
        e.TryGetProperty(outer, out var o) ? Len(o, inner, max) : 0;
}
