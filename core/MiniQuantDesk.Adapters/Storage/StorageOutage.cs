using Azure;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Tells a failure caused by storage being unreachable or overloaded (no answer, a timeout, 408/500/502/503/504)
/// from every other failure. The difference matters to a queue trigger: an outage says nothing about the message,
/// so it must not spend one of the message's few deliveries, while a conflict or a bad message must fail at once.
/// </summary>
public static class StorageOutage
{
    /// <summary>True when <paramref name="failure"/> (or what it wraps) is storage not answering.</summary>
    public static bool Caused(Exception failure) => Classify(failure, depth: 0);

    private static bool Classify(Exception failure, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        switch (failure)
        {
            case RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 }:
                return true;
            case RequestFailedException:
                return false;
            // The SDK's retry policy gives up with an AggregateException of its attempts: an outage when every
            // attempt was one (refused or reset connections, per-try timeouts). A connection the network cut while
            // it was being opened surfaces bare, as a SocketException ("Transport endpoint is not connected").
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return aggregate.InnerExceptions.All(inner => inner is TaskCanceledException or TimeoutException or IOException or HttpRequestException or System.Net.Sockets.SocketException || Classify(inner, depth + 1));
            default:
                return failure.InnerException is { } inner && Classify(inner, depth + 1);
        }
    }
}
