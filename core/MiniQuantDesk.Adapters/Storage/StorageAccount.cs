using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Creates the three storage clients from <see cref="StorageOptions"/>. Every queue client uses base64
/// message encoding, the Functions host's default, so the host and the desk read each other's messages.
/// </summary>
public sealed class StorageAccount
{
    private readonly StorageOptions _options;
    private readonly TokenCredential? _credential;
    private readonly TimeSpan _networkTimeout;

    public StorageAccount(StorageOptions options, TimeSpan? networkTimeout = null)
    {
        _options = options;
        _networkTimeout = networkTimeout ?? TimeSpan.FromSeconds(10);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _credential = options.ManagedIdentityClientId is { Length: > 0 } id
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                : new DefaultAzureCredential();
        }

        Tables = _credential is null
            ? new TableServiceClient(options.ConnectionString, Configure(new TableClientOptions()))
            : new TableServiceClient(Endpoint("table"), _credential, Configure(new TableClientOptions()));
        Queues = _credential is null
            ? new QueueServiceClient(options.ConnectionString, QueueOptions())
            : new QueueServiceClient(Endpoint("queue"), _credential, QueueOptions());
        Blobs = _credential is null
            ? new BlobServiceClient(options.ConnectionString, Configure(new BlobClientOptions()))
            : new BlobServiceClient(Endpoint("blob"), _credential, Configure(new BlobClientOptions()));
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>
    /// Sends <paramref name="text"/> to queue <paramref name="name"/>, invisible for <paramref name="delay"/> (null:
    /// visible at once), creating the queue first if it is missing (a fresh account, or one a person cleared).
    /// </summary>
    public async Task<SendReceipt> SendAsync(string name, string text, TimeSpan? delay, CancellationToken ct)
    {
        var queue = Queue(name);
        try
        {
            return await queue.SendMessageAsync(text, delay, cancellationToken: ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            return await queue.SendMessageAsync(text, delay, cancellationToken: ct);
        }
    }

    private QueueClientOptions QueueOptions() => Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    // Bounded retries and a per-try timeout: a slow storage account never hangs a function.
    private T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = _networkTimeout;
        return options;
    }

    private Uri Endpoint(string service) => new($"https://{_options.AccountName}.{service}.core.windows.net");
}
