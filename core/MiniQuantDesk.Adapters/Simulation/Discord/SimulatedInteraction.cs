using System.Text.Json.Nodes;

namespace MiniQuantDesk.Adapters.Simulation.Discord;

/// <summary>
/// An interaction as Discord POSTs it to the interactions endpoint (guild member, channel, locale; for a component
/// click, the message the button sits on). One shape for everything that plays Discord: the fault campaign's
/// trader, the fuzzer and the tests.
/// </summary>
public static class SimulatedInteraction
{
    public const string GuildId = "290926798626357999";
    public const string ChannelId = "645027906669510667";

    /// <summary>Type 1 PING, 2 application command, 3 component click; <paramref name="data"/> omitted when null.</summary>
    public static JsonObject Build(int type, string applicationId, string userId, JsonObject? data, string id, string token)
    {
        var json = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["application_id"] = applicationId,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = GuildId,
            ["channel_id"] = ChannelId,
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "trader" }, ["roles"] = new JsonArray(), ["permissions"] = "2147483647" },
            ["locale"] = "en-US",
            ["context"] = 0,
        };
        if (data is not null)
        {
            json["data"] = data;
        }

        if (type == 3)
        {
            json["message"] = new JsonObject { ["id"] = "1300000000000000001", ["channel_id"] = ChannelId };
        }

        return json;
    }
}
