namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Where the desk's Tables, Queues and Blobs live, read the way the Functions host reads
/// <c>AzureWebJobsStorage</c>: a connection string locally, an account name plus managed identity in Azure.
/// </summary>
public sealed record StorageOptions(string? ConnectionString, string? AccountName, string? ManagedIdentityClientId)
{
    public const string Setting = "AzureWebJobsStorage";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName))
        {
            yield return $"{Setting} is required: a connection string (UseDevelopmentStorage=true for Azurite) or {Setting}__accountName for managed identity";
        }
        else if (!string.IsNullOrWhiteSpace(ConnectionString) && !LooksLikeConnectionString(ConnectionString))
        {
            yield return $"{Setting} is not a storage connection string (expected UseDevelopmentStorage=true or AccountName=...;AccountKey=...)";
        }
    }

    private static bool LooksLikeConnectionString(string value) =>
        value.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || (value.Contains('=', StringComparison.Ordinal) && value.Contains("Account", StringComparison.OrdinalIgnoreCase))
        || value.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase);

    // Connection strings hold an account key: never print them.
    public override string ToString() => AccountName is { Length: > 0 } name ? $"account {name} (managed identity)" : "connection string (redacted)";
}
