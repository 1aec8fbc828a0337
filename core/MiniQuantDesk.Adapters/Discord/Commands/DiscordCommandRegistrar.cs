using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Discord.Transport;

namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>
/// Registers the desk's slash commands with one idempotent bulk overwrite (spec §2):
/// <c>PUT /applications/{app}/commands</c> (global, may take a while to show) or
/// <c>PUT /applications/{app}/guilds/{guild}/commands</c> (one server, instant), with <c>Authorization: Bot …</c>.
/// The body is <see cref="CommandRegistrationJson"/> of <see cref="DeskCommands.All"/>.
/// </summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordTransport transport;

    public DiscordCommandRegistrar(HttpClient http, DiscordOptions options, TimeProvider? timeProvider = null, ILogger<DiscordCommandRegistrar>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        transport = new DiscordTransport(http, options, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
    }

    public static DiscordCommandRegistrar Create(DiscordOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggers = null) =>
        new(DiscordHttp.CreateClient(), options, timeProvider, loggers?.CreateLogger<DiscordCommandRegistrar>());

    /// <summary>
    /// Replaces the registered commands with <paramref name="commands"/> (default: all of the desk's), in
    /// <paramref name="guildId"/> when given, else in <c>Discord:GuildId</c> when set, else globally.
    /// </summary>
    public Task<DiscordDelivery> RegisterAsync(IReadOnlyList<DeskCommand>? commands = null, string? guildId = null, CancellationToken cancellationToken = default)
    {
        var options = transport.Options;
        if (options.ApplicationId.Length == 0 || options.BotToken.Length == 0)
        {
            return Task.FromResult<DiscordDelivery>(new DiscordDelivery.Failed(null, "registering commands needs Discord:ApplicationId and Discord:BotToken", null, 0));
        }

        var guild = string.IsNullOrWhiteSpace(guildId) ? options.GuildId : guildId.Trim();
        if (guild.Length > 0 && !Interactions.DiscordAllowList.IsSnowflake(guild))
        {
            return Task.FromResult<DiscordDelivery>(new DiscordDelivery.Failed(null, $"guild id '{guild}' is not a Discord id", null, 0));
        }

        var path = guild.Length == 0
            ? $"applications/{options.ApplicationId}/commands"
            : $"applications/{options.ApplicationId}/guilds/{guild}/commands";
        var json = CommandRegistrationJson.ToUtf8(commands ?? DeskCommands.All);
        var call = new DiscordCall(HttpMethod.Put, new Uri(options.ApiBaseUrl, path), "PUT " + path, () =>
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }, options.BotToken, []);
        return transport.SendAsync(call, cancellationToken);
    }
}
