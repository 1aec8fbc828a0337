namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>The only form in which a key may reach a log: enough to tell keys apart, not enough to use one.</summary>
public static class AlpacaKeyRedaction
{
    public static string Redact(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(empty)";
        }

        // Short keys show nothing at all: four of eight characters would give half the key away.
        return key.Length < 12 ? "****" : string.Concat(key.AsSpan(0, 4), "****");
    }
}
