namespace MiniQuantDesk.Adapters.Discord.Signatures;

/// <summary>Why an incoming interaction request was refused. Every value answers 401; the reason is for the log.</summary>
public enum SignatureFailure
{
    None = 0,
    PublicKeyMissing,
    PublicKeyMalformed,
    SignatureMissing,
    SignatureNotHex,
    SignatureWrongLength,
    TimestampMissing,
    TimestampMalformed,
    SignatureMismatch,
    TimestampTooOld,
    TimestampInFuture,
}
