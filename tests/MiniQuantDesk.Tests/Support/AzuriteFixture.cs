using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Support;

/// <summary>A real, in-memory Azurite on free loopback ports for one test class; stopped afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite not started");

    public string ConnectionString => Azurite.ConnectionString;

    public StorageAccount Storage() => new(new StorageOptions(ConnectionString, null, null), TimeSpan.FromSeconds(5));

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
