namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Creates the desk's tables, queues and containers if missing. In Azure the template creates them; locally
/// (Azurite) the handler does it at start so that the first minute never meets a missing table.
/// </summary>
public sealed class StorageProvisioning(StorageAccount storage)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        var work = new List<Task>();
        work.AddRange(DeskTables.AllTables.Select(t => storage.Table(t).CreateIfNotExistsAsync(ct)));
        work.AddRange(DeskQueues.All.Select(q => storage.Queue(q).CreateIfNotExistsAsync(cancellationToken: ct)));
        work.Add(storage.Blobs.GetBlobContainerClient(DeskTables.TransactionLogContainer).CreateIfNotExistsAsync(cancellationToken: ct));
        await Task.WhenAll(work);
    }
}
