using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Hosting;

/// <summary>Creates missing tables, queues and containers at start; storage trouble is logged, never fatal (health reports it).</summary>
public sealed class StorageProvisioningService(StorageAccount storage, ILogger<StorageProvisioningService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await new StorageProvisioning(storage).EnsureAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not create the desk's tables and queues at start: {Error}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
