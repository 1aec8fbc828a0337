using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.DiscordInteractions;
using MiniQuantDesk.Tests.Functions.Discord;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.DiscordInteractions;

/// <summary>The signature, timestamp, parsing and allow-list gates of the real DiscordInteractions function.</summary>
public sealed class InteractionEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly byte[] SpecBody = Encoding.UTF8.GetBytes(InteractionSigner.SpecBody);

    // The spec's vector was signed at 1735689600; a clock 10 s later makes it fresh.
    private static SignatureClock SpecClock() => new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1735689610)));

    [Fact]
    public async Task The_spec_test_vector_verifies_and_answers_pong()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, clock: SpecClock());

        var response = await desk.PostAsync(SpecBody, InteractionSigner.SpecTimestamp, InteractionSigner.SpecSignature);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"type":1}""", response.BodyText);
    }

    [Fact]
    public async Task One_changed_byte_of_body_or_timestamp_is_401()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, clock: SpecClock());
        var changedBody = Encoding.UTF8.GetBytes(InteractionSigner.SpecBody.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal));

        Assert.Equal(401, (await desk.PostAsync(changedBody, InteractionSigner.SpecTimestamp, InteractionSigner.SpecSignature)).StatusCode);
        Assert.Equal(401, (await desk.PostAsync(SpecBody, "1735689601", InteractionSigner.SpecSignature)).StatusCode);
    }

    [Fact]
    public async Task The_spec_vector_replayed_today_is_401_because_its_timestamp_is_old()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);

        var response = await desk.PostAsync(SpecBody, InteractionSigner.SpecTimestamp, InteractionSigner.SpecSignature);

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Forged_replayed_unsigned_and_malformed_requests_are_refused_and_change_nothing()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var stop = InteractionSigner.Command("stop");
        var now = InteractionSigner.Now();
        var sixMinutesAgo = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 360).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var forged = await desk.PostAsync(stop, now, InteractionSigner.Sign(now, stop, InteractionSigner.OtherKey()));
        var replayed = await desk.PostAsync(stop, sixMinutesAgo, InteractionSigner.Sign(sixMinutesAgo, stop));
        var unsigned = await desk.PostAsync(stop, signed: false);
        var notHex = await desk.PostAsync(stop, now, new string('z', 128));
        var shortSignature = await desk.PostAsync(stop, now, "abcd");
        var badTimestamp = await desk.PostAsync(stop, "yesterday", InteractionSigner.Sign("yesterday", stop));
        var garbage = Encoding.UTF8.GetBytes("{\"type\":2,\"id\":");
        var malformed = await desk.PostAsync(garbage);

        Assert.All([forged, replayed, unsigned, notHex, shortSignature, badTimestamp], r => Assert.Equal(401, r.StatusCode));
        Assert.Equal(400, malformed.StatusCode);
        Assert.Equal(DeskFlags.Initial, await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None));
        Assert.Empty(await desk.LogAsync());
        Assert.Empty(desk.Discord.Requests);
    }

    [Fact]
    public async Task A_user_not_on_the_allow_list_gets_an_ephemeral_refusal_and_nothing_changes()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);

        var stop = await desk.PostAsync(InteractionSigner.Command("stop", InteractionSigner.Stranger));
        var kill = await desk.PostAsync(InteractionSigner.Command("kill", InteractionSigner.Stranger));
        var click = await desk.PostAsync(InteractionSigner.Click($"kill:confirm:{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}:abcd1234", InteractionSigner.Stranger));

        foreach (var response in new[] { stop, kill, click })
        {
            Assert.Equal(200, response.StatusCode);
            var json = JsonNode.Parse(response.BodyText)!;
            Assert.Equal(4, json["type"]!.GetValue<int>());
            Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
            Assert.Contains("allow-list", json["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(DeskFlags.Initial, await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None));
        Assert.Empty(await desk.LogAsync());
        Assert.Empty(desk.Discord.Requests);
    }

    [Fact]
    public async Task Without_Discord_settings_the_endpoint_answers_503_and_the_desk_still_starts()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, v =>
        {
            foreach (var key in v.Keys.Where(k => k.StartsWith("Discord:", StringComparison.Ordinal)).ToList())
            {
                v.Remove(key);
            }
        });

        var response = await desk.PostAsync(InteractionSigner.Command("status"));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains("Discord not configured", response.BodyText, StringComparison.Ordinal);
    }
}

public sealed class DiscordSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_bad_Discord_setting_does_not_stop_the_desk_it_turns_Discord_off_and_says_why()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, v => v["Discord:Webhooks:Trading"] = "not a url");

        var response = await desk.PostAsync(InteractionSigner.Command("status"));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains("Discord:Webhooks:Trading", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unresolved_Key_Vault_reference_means_not_configured()
    {
        var settings = MiniQuantDesk.Functions.Configuration.DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Discord:PublicKey"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/discord-public-key/)",
        }).Build());

        Assert.Equal("", settings.Discord.PublicKey);
        Assert.Empty(settings.DiscordProblems);
    }
}
