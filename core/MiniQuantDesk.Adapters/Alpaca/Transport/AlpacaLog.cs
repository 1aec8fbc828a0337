using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>Log lines of the Alpaca client. None carries a key: only <see cref="AlpacaKeyRedaction"/> forms.</summary>
internal static partial class AlpacaLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Alpaca client for {Mode} at {TradingHost} (data {DataHost}), key {KeyId}")]
    public static partial void Created(ILogger logger, AlpacaMode mode, string tradingHost, string dataHost, string keyId);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Alpaca {Call} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string call, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Alpaca order submit {ClientOrderId}: {What}")]
    public static partial void SubmitRecovery(ILogger logger, string clientOrderId, string what);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Alpaca order submit {ClientOrderId}: outcome unknown after {Error}; keep the order unresolved")]
    public static partial void SubmitUnknown(ILogger logger, string clientOrderId, string error);
}
