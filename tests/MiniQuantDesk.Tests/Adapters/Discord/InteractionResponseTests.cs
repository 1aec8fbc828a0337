using System.Text;
using System.Text.Json;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Tests.Adapters.Discord;

public sealed class InteractionResponseTests
{
    private static JsonElement Json(InteractionResponse response) => JsonDocument.Parse(response.ToUtf8Json()).RootElement;

    [Fact]
    public void Pong_is_exactly_type_1()
    {
        Assert.Equal("""{"type":1}""", Encoding.UTF8.GetString(InteractionResponse.Pong().ToUtf8Json()));
    }

    [Fact]
    public void A_reply_is_type_4_ephemeral_without_mentions_like_the_spec_example()
    {
        var json = Json(InteractionResponse.Reply("Kill switch is **ON**. No new orders."));
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal("Kill switch is **ON**. No new orders.", data.GetProperty("content").GetString());
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public void A_public_reply_has_no_ephemeral_flag()
    {
        var data = Json(InteractionResponse.Reply(DiscordMessage.Text("hi", MessageFlags.Ephemeral), ephemeral: false)).GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out _));
    }

    [Fact]
    public void Defer_is_type_5_with_only_the_ephemeral_flag()
    {
        Assert.Equal("""{"type":5,"data":{"allowed_mentions":{"parse":[]},"flags":64}}""", Encoding.UTF8.GetString(InteractionResponse.Defer().ToUtf8Json()));
        Assert.Equal("""{"type":5}""", Encoding.UTF8.GetString(InteractionResponse.Defer(ephemeral: false).ToUtf8Json()));
    }

    [Fact]
    public void Update_is_type_7_and_removes_the_buttons()
    {
        var json = Json(InteractionResponse.Update("Kill switch ON."));
        Assert.Equal(7, json.GetProperty("type").GetInt32());
        Assert.Equal(0, json.GetProperty("data").GetProperty("components").GetArrayLength());
    }

    [Fact]
    public void A_confirmation_prompt_has_danger_confirm_and_secondary_cancel_buttons_that_parse_back()
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var pending = PendingConfirmation.Create("exit", "AAPL", now);
        var json = Json(pending.Prompt("Close AAPL at market?"));

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var row = json.GetProperty("data").GetProperty("components")[0];
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        var confirm = row.GetProperty("components")[0];
        var cancel = row.GetProperty("components")[1];
        Assert.Equal(2, confirm.GetProperty("type").GetInt32());
        Assert.Equal(4, confirm.GetProperty("style").GetInt32());
        Assert.Equal(2, cancel.GetProperty("style").GetInt32());

        // 2025-01-01T00:05:00Z = 1735689900.
        var confirmId = confirm.GetProperty("custom_id").GetString()!;
        Assert.StartsWith("exit:confirm:1735689900:", confirmId, StringComparison.Ordinal);
        Assert.EndsWith(":AAPL", confirmId, StringComparison.Ordinal);
        var click = ConfirmationClick.TryParse(confirmId)!;
        Assert.True(click.Confirmed);
        Assert.Equal("exit", click.Command);
        Assert.Equal("AAPL", click.Argument);
        Assert.Equal(pending.Nonce, click.Nonce);
        Assert.False(click.IsExpiredAt(now.AddMinutes(5)));
        Assert.True(click.IsExpiredAt(now.AddMinutes(5).AddSeconds(1)));

        var cancelClick = ConfirmationClick.TryParse(cancel.GetProperty("custom_id").GetString())!;
        Assert.False(cancelClick.Confirmed);
    }

    [Fact]
    public void Two_prompts_get_different_nonces()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.NotEqual(PendingConfirmation.Create("kill", null, now).Nonce, PendingConfirmation.Create("kill", null, now).Nonce);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kill")]
    [InlineData("kill:maybe:1735689900:9f3c")]
    [InlineData("kill:confirm:soon:9f3c")]
    [InlineData("kill:confirm:1735689900:")]
    [InlineData("kill:confirm:1735689900:9f3c:AAPL:extra")]
    public void Foreign_custom_ids_are_not_confirmations(string? customId)
    {
        Assert.Null(ConfirmationClick.TryParse(customId));
    }

    [Fact]
    public void The_allow_list_admits_only_listed_snowflakes()
    {
        var list = DiscordAllowList.Parse(" 53908232506183680 ,1122334455,,", out var errors);
        Assert.Empty(errors);
        Assert.True(list.Allows("53908232506183680"));
        Assert.True(list.Allows("1122334455"));
        Assert.False(list.Allows("5390823250618368"));
        Assert.False(list.Allows(null));
        Assert.False(DiscordAllowList.Empty.Allows("1"));

        DiscordAllowList.Parse("123, abc, -5, 99999999999999999999", out var bad);
        Assert.Equal(3, bad.Count);
        Assert.Contains(bad, e => e.Contains("'abc'", StringComparison.Ordinal) && e.Contains("Discord:AllowedUserIds", StringComparison.Ordinal));
    }
}
