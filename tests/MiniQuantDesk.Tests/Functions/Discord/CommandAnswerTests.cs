using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Risk.Protections;
using MiniQuantDesk.Functions.Discord.State;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Discord;

/// <summary>Each command's answer through the real function, against the simulated market and Azurite.</summary>
public sealed class CommandAnswerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string Title(JsonObject data) => data["embeds"]![0]!["title"]!.GetValue<string>();

    private static string Field(JsonObject data, string name) =>
        data["embeds"]![0]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();

    private static string AllText(JsonObject data) => data.ToJsonString();

    [Fact]
    public async Task Every_command_in_the_table_has_an_answer_and_none_crashes()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        foreach (var command in DeskCommands.All.Where(c => !c.NeedsConfirmation))
        {
            var body = command.Name switch
            {
                "strategy" => InteractionSigner.Command("strategy", sub: "list"),
                "unlock" => InteractionSigner.Command("unlock", options: ("id", "nope")),
                _ => InteractionSigner.Command(command.Name),
            };
            var (type, data) = await desk.AnswerAsync(body);

            Assert.True(command.Slow ? type == 5 : type is 4 or 5, $"/{command.Name} answered type {type}");
            Assert.DoesNotContain("failed", Title(data), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Status_shows_the_trading_state_kill_switch_market_and_last_tick()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var state = new DeskStateStore(desk.Storage);
        await state.RecordTickAsync(desk.Get<TimeProvider>().GetUtcNow().AddSeconds(-30), CancellationToken.None);

        var (type, data) = await desk.AnswerAsync(InteractionSigner.Command("status"));

        Assert.Equal(4, type);
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Equal("ACTIVE: trading", Field(data, "Trading"));
        Assert.Equal("off", Field(data, "Kill switch"));
        Assert.Equal("open, closes 16:00 ET", Field(data, "Market")); // the sim trades 2019-02-12
        Assert.Equal("30 s ago", Field(data, "Last tick"));
    }

    [Fact]
    public async Task Stop_reduce_and_start_change_the_flags_and_are_audited_with_the_user()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var state = new DeskStateStore(desk.Storage);

        var (_, stopped) = await desk.AnswerAsync(InteractionSigner.Command("stop"));
        var afterStop = await state.ReadFlagsAsync(CancellationToken.None);
        var (_, reduced) = await desk.AnswerAsync(InteractionSigner.Command("reduce"));
        var (_, started) = await desk.AnswerAsync(InteractionSigner.Command("start"));
        var afterStart = await state.ReadFlagsAsync(CancellationToken.None);

        Assert.Equal("Entries stopped", Title(stopped));
        Assert.False(afterStop.TradingEnabled);
        Assert.False(afterStop.KillSwitch);
        Assert.Equal(InteractionSigner.Trader, afterStop.ChangedBy);
        Assert.Equal("Reduce-only", Title(reduced));
        Assert.Equal("Trading resumed", Title(started));
        Assert.True(afterStart.TradingEnabled);
        var audit = (await desk.LogAsync()).Where(e => e["kind"]!.ToString() == "discord-command").ToList();
        Assert.Equal(["/stop", "/reduce", "/start"], audit.Select(e => e["command"]!.ToString()));
        Assert.All(audit, e => Assert.Equal(InteractionSigner.Trader, e["user"]!.ToString()));
    }

    [Fact]
    public async Task Kill_asks_first_then_on_confirm_sets_the_flag_and_cancels_open_broker_orders()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await desk.Sim.Trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "SPY", Qty = 1m, Side = "buy", Type = "limit", LimitPrice = 1m, TimeInForce = "day", ClientOrderId = "manual-1" });

        var prompt = JsonNode.Parse((await desk.PostAsync(InteractionSigner.Command("kill"))).BodyText)!.AsObject();
        var flagsAfterPrompt = await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None);
        var confirmId = prompt["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var (type, result) = await desk.AnswerAsync(InteractionSigner.Click(confirmId));

        Assert.Equal(4, prompt["type"]!.GetValue<int>());
        Assert.Equal(DeskFlags.Initial, flagsAfterPrompt);
        Assert.StartsWith("kill:confirm:", confirmId, StringComparison.Ordinal);
        Assert.True(type is 7 or 6);
        Assert.Equal("Kill switch ON", Title(result));
        Assert.Contains("1 open order cancelled", AllText(result), StringComparison.Ordinal);
        Assert.Empty(result["components"]!.AsArray());
        Assert.True((await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None)).KillSwitch);
        Assert.Equal("canceled", desk.Sim.Market.State().Orders.Single(o => o.ClientOrderId == "manual-1").Status);
        var log = await desk.LogAsync();
        Assert.Contains(log, e => e["kind"]!.ToString() == "command" && e["command"]!.ToString() == "kill" && e["user"]!.ToString() == InteractionSigner.Trader);
        Assert.Contains(log, e => e["kind"]!.ToString() == "discord-command" && e["command"]!.ToString() == "/kill (confirmed)");
    }

    [Fact]
    public async Task Cancelled_and_expired_confirmations_change_nothing()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var later = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var past = desk.Get<TimeProvider>().GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds();

        var (_, cancelled) = await desk.AnswerAsync(InteractionSigner.Click($"kill:cancel:{later}:abcd1234"));
        var (_, expired) = await desk.AnswerAsync(InteractionSigner.Click($"flatten:confirm:{past}:abcd1234"));

        Assert.Equal("/kill cancelled", Title(cancelled));
        Assert.Equal("/flatten expired", Title(expired));
        Assert.Equal(DeskFlags.Initial, await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None));
        Assert.Empty(await desk.LogAsync());
    }

    [Fact]
    public async Task Exit_refuses_a_bad_symbol_and_closes_one_position_after_confirm()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await desk.Sim.Trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "SPY", Qty = 5m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "manual-2" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(33));
        Assert.Equal(5m, desk.Sim.Market.State().Positions.Single(p => p.Symbol == "SPY").Qty);

        var refused = JsonNode.Parse((await desk.PostAsync(InteractionSigner.Command("exit", options: ("symbol", "not a ticker!")))).BodyText)!;
        var prompt = JsonNode.Parse((await desk.PostAsync(InteractionSigner.Command("exit", options: ("symbol", "spy")))).BodyText)!;
        var confirmId = prompt["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var (_, result) = await desk.AnswerAsync(InteractionSigner.Click(confirmId));
        desk.Sim.MarketAt(TimeSpan.FromMinutes(36));

        Assert.Equal("/exit refused", refused["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.EndsWith(":SPY", confirmId, StringComparison.Ordinal);
        Assert.Equal("Exiting SPY", Title(result));
        Assert.DoesNotContain(desk.Sim.Market.State().Positions, p => p.Symbol == "SPY");
    }

    [Fact]
    public async Task Positions_and_pnl_agree_with_the_broker_account()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await desk.Sim.Trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "AAPL", Qty = 10m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "manual-3" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(40));
        var account = await desk.Sim.Trading.GetAccountAsync();

        var (type, positions) = await desk.AnswerAsync(InteractionSigner.Command("positions"));
        var (_, pnl) = await desk.AnswerAsync(InteractionSigner.Command("pnl"));

        Assert.Equal(5, type);
        Assert.Equal("1 open position", Title(positions));
        Assert.Contains("**AAPL** 10 @ ", positions["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(EquityText(account.Equity), Field(pnl, "Equity"));
        Assert.Equal(EquityText(account.LastEquity), Field(pnl, "Previous close"));
    }

    [Fact]
    public async Task Strategy_disable_and_enable_are_stored_and_listed()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var name = desk.Get<MiniQuantDesk.Functions.Configuration.DeskSettings>().Desk.Strategies[0];

        var (_, disabled) = await desk.AnswerAsync(InteractionSigner.Command("strategy", sub: "disable", options: ("name", name)));
        var stored = await desk.Get<StrategySwitchStore>().ReadDisabledAsync(CancellationToken.None);
        var (_, list) = await desk.AnswerAsync(InteractionSigner.Command("strategy", sub: "list"));
        var (_, unknown) = await desk.AnswerAsync(InteractionSigner.Command("strategy", sub: "enable", options: ("name", "no-such")));
        await desk.AnswerAsync(InteractionSigner.Command("strategy", sub: "enable", options: ("name", name)));

        Assert.Equal($"{name} disabled", Title(disabled));
        Assert.Contains(name, stored);
        Assert.Contains($"**{name}** disabled", list["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Unknown strategy", Title(unknown));
        Assert.Empty(await desk.Get<StrategySwitchStore>().ReadDisabledAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Locks_lists_an_active_lock_and_unlock_lifts_it()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var now = desk.Get<TimeProvider>().GetUtcNow();
        var lockOne = ProtectionLock.Create(ProtectionKind.LossStreak, "SPY", now.AddMinutes(-5), TimeSpan.FromHours(1), "3 losses in a row");
        await desk.Get<ProtectionLockStore>().ChangeAsync(book => (book.Add([lockOne]), 0), CancellationToken.None);

        var (_, listed) = await desk.AnswerAsync(InteractionSigner.Command("locks"));
        var (_, lifted) = await desk.AnswerAsync(InteractionSigner.Command("unlock", options: ("id", lockOne.Id)));
        var (_, again) = await desk.AnswerAsync(InteractionSigner.Command("unlock", options: ("id", lockOne.Id)));
        var (_, after) = await desk.AnswerAsync(InteractionSigner.Command("locks"));

        Assert.Equal("1 protection lock", Title(listed));
        Assert.Contains(lockOne.Id, AllText(listed), StringComparison.Ordinal);
        Assert.Equal("Lock lifted", Title(lifted));
        Assert.Equal("Nothing lifted", Title(again));
        Assert.Equal("No protection locks", Title(after));
    }

    [Fact]
    public async Task A_deferred_reply_Discord_fails_is_offered_again_until_it_lands()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var patches = 0;
        desk.Discord.Answer = (request, n) => request.Method == "PATCH" && Interlocked.Increment(ref patches) <= 3
            ? Adapters.Discord.DiscordReply.Error(500, 0, "500: Internal Server Error")
            : Adapters.Discord.DiscordReply.Message($"msg-{n}");

        var (type, positions) = await desk.AnswerAsync(InteractionSigner.Command("positions"));

        // Discord:MaxRetries 1: the first offer is two failed attempts, the second a failure then the reply.
        Assert.Equal(5, type);
        Assert.Equal(4, desk.Discord.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal("No open positions", Title(positions));
    }

    [Fact]
    public async Task A_deferred_reply_Discord_refuses_is_not_offered_again()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        desk.Discord.Answer = (_, _) => Adapters.Discord.DiscordReply.Error(404, 10015, "Unknown Webhook");

        var (type, _) = await desk.AnswerAsync(InteractionSigner.Command("positions"));

        Assert.Equal(5, type);
        Assert.Single(desk.Discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Risk_shows_each_limit_against_its_use()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, v => v["Risk:MaxOpenPositions"] = "4");

        var (_, data) = await desk.AnswerAsync(InteractionSigner.Command("risk"));

        Assert.Equal("Risk: within limits", Title(data));
        Assert.Equal("0 / 4 (0.00%)", Field(data, "Open positions"));
        Assert.Equal("armed", Field(data, "Breaker"));
    }

    private static string EquityText(decimal value) => value.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
