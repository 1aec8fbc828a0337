using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Configuration;

/// <summary>
/// Every setting the handler reads, bound and validated once at start-up. A bad value stops the app
/// with one message naming each offending setting; nothing starts half-configured.
/// </summary>
public sealed record DeskSettings(StorageOptions Storage, DeskOptions Desk, BrokerOptions Broker, HealthOptions Health)
{
    public static DeskSettings Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var storage = new StorageOptions(
            configuration[StorageOptions.Setting],
            configuration[$"{StorageOptions.Setting}:accountName"],
            configuration[$"{StorageOptions.Setting}:clientId"]);
        problems.AddRange(storage.Validate());
        var desk = DeskOptions.Bind(configuration, problems);
        var broker = BrokerOptions.Bind(configuration, problems);
        var health = HealthOptions.Bind(configuration, problems);
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return new DeskSettings(storage, desk, broker, health);
    }
}
