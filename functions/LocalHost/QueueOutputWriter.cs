using Azure.Storage.Queues;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// Writes a successful invocation's queue outputs to the queues its function.json names. <paramref name="tap"/>
/// sees each message written (the fault campaign counts notifications by it); <paramref name="faults"/> may write one twice.
/// </summary>
public sealed class QueueOutputWriter(StorageAccount storage, Action<string> wake, DeliveryFaults? faults = null, Action<string, string>? tap = null)
{
    public async Task WriteAsync(FunctionDefinition function, IReadOnlyDictionary<string, IReadOnlyList<string>> outputs, CancellationToken ct)
    {
        foreach (var binding in function.QueueOutputs)
        {
            if (!outputs.TryGetValue(binding.Name, out var messages) || messages.Count == 0 || binding.QueueName is null)
            {
                continue;
            }

            QueueClient queue = storage.Queue(binding.QueueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            foreach (var message in messages)
            {
                await queue.SendMessageAsync(message, ct);
                tap?.Invoke(binding.QueueName, message);
                if (faults?.DuplicateOutput(binding.QueueName) == true)
                {
                    await queue.SendMessageAsync(message, ct);
                }
            }

            wake(binding.QueueName); // the host wakes a listener at once for messages its own app wrote
        }
    }
}
