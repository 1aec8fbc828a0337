using Azure;
using Azure.Data.Tables;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The optimistic-concurrency write every shared row uses: insert when nothing was read, otherwise replace only
/// if the row still has the ETag that was read. False means someone else wrote first: re-read and decide again.
/// </summary>
public static class ConditionalWrite
{
    public static async Task<bool> TryWriteAsync(TableClient table, TableEntity entity, ETag seen, CancellationToken ct)
    {
        try
        {
            if (seen == default)
            {
                await table.AddEntityAsync(entity, ct);
            }
            else
            {
                await table.UpdateEntityAsync(entity, seen, TableUpdateMode.Replace, ct);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await table.CreateIfNotExistsAsync(ct);
            return false;
        }
    }
}
