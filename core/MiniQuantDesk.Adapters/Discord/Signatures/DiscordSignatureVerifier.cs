using System.Buffers;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace MiniQuantDesk.Adapters.Discord.Signatures;

/// <summary>
/// Checks Discord's Ed25519 signature on an interaction request (spec §1): the signature in
/// <c>X-Signature-Ed25519</c> (hex) over the UTF-8 <c>X-Signature-Timestamp</c> followed by the raw body bytes,
/// with the application's public key. An authentic request whose timestamp is further than
/// <see cref="Tolerance"/> from now (either way) is refused too, so a captured request cannot be replayed later.
/// Never throws for anything a caller sends; a missing or malformed key refuses every request.
/// </summary>
public sealed class DiscordSignatureVerifier
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? key;
    private readonly SignatureVerdict keyProblem;
    private readonly TimeProvider time;

    public DiscordSignatureVerifier(string? publicKeyHex, TimeProvider time, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        Tolerance = tolerance ?? DefaultTolerance;
        keyProblem = TryImportKey(publicKeyHex, out key);
    }

    public TimeSpan Tolerance { get; }

    /// <summary>Why <paramref name="publicKeyHex"/> is unusable, or null when it is a valid 32-byte Ed25519 key in hex.</summary>
    public static string? DescribeKeyProblem(string? publicKeyHex)
    {
        var verdict = TryImportKey(publicKeyHex, out _);
        return verdict.IsValid ? null : verdict.Detail;
    }

    public SignatureVerdict Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (key is null)
        {
            return keyProblem;
        }

        if (string.IsNullOrEmpty(signatureHex))
        {
            return SignatureVerdict.Refuse(SignatureFailure.SignatureMissing, $"no {SignatureHeader} header");
        }

        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureVerdict.Refuse(SignatureFailure.TimestampMissing, $"no {TimestampHeader} header");
        }

        Span<byte> signature = stackalloc byte[Ed25519.SignatureSize];
        var signatureProblem = DecodeHex(signatureHex, signature, SignatureFailure.SignatureNotHex, SignatureFailure.SignatureWrongLength, "signature");
        if (!signatureProblem.IsValid)
        {
            return signatureProblem;
        }

        if (!IsDecimalDigits(timestamp)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureVerdict.Refuse(SignatureFailure.TimestampMalformed, "the timestamp is not Unix seconds in decimal digits");
        }

        if (!Ed25519.Verify(key, SignedMessage(timestamp, body), signature))
        {
            return SignatureVerdict.Refuse(SignatureFailure.SignatureMismatch, "the signature does not match the timestamp and body");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (age > Tolerance)
        {
            return SignatureVerdict.Refuse(SignatureFailure.TimestampTooOld, $"signed {age.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s ago, more than {Tolerance}");
        }

        if (-age > Tolerance)
        {
            return SignatureVerdict.Refuse(SignatureFailure.TimestampInFuture, $"signed {(-age).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s in the future, more than {Tolerance}");
        }

        return SignatureVerdict.Valid;
    }

    private static byte[] SignedMessage(string timestamp, ReadOnlySpan<byte> body)
    {
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        return message;
    }

    private static SignatureVerdict TryImportKey(string? hex, out PublicKey? imported)
    {
        imported = null;
        if (string.IsNullOrWhiteSpace(hex))
        {
            return SignatureVerdict.Refuse(SignatureFailure.PublicKeyMissing, "Discord:PublicKey is not set");
        }

        Span<byte> raw = stackalloc byte[Ed25519.PublicKeySize];
        var decoded = DecodeHex(hex.Trim(), raw, SignatureFailure.PublicKeyMalformed, SignatureFailure.PublicKeyMalformed, "public key");
        if (!decoded.IsValid)
        {
            return decoded;
        }

        return PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out imported)
            ? SignatureVerdict.Valid
            : SignatureVerdict.Refuse(SignatureFailure.PublicKeyMalformed, "the public key is not a valid Ed25519 point");
    }

    /// <summary>Hex of exactly <c>destination.Length</c> bytes; upper or lower case, nothing else.</summary>
    private static SignatureVerdict DecodeHex(string hex, Span<byte> destination, SignatureFailure notHex, SignatureFailure wrongLength, string what)
    {
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return SignatureVerdict.Refuse(notHex, $"the {what} is not hex");
            }
        }

        if (hex.Length != destination.Length * 2)
        {
            return SignatureVerdict.Refuse(wrongLength, $"the {what} has {hex.Length} hex digits, expected {destination.Length * 2}");
        }

        return Convert.FromHexString(hex, destination, out _, out _) == OperationStatus.Done
            ? SignatureVerdict.Valid
            : SignatureVerdict.Refuse(notHex, $"the {what} is not hex");
    }

    private static bool IsDecimalDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length is > 0 and <= 19;
    }
}
