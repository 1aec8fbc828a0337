using System.Text;
using Microsoft.Extensions.Time.Testing;
using MiniQuantDesk.Adapters.Discord.Signatures;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>The spec §6 vector (made with Python cryptography and OpenSSL, not with this code) and every refusal reason.</summary>
public sealed class DiscordSignatureVerifierTests
{
    private const string Timestamp = "1735689600";
    private const string Body = """{"type":1,"id":"1234567890","application_id":"1122334455","token":"tok","version":1}""";
    private const string Signature =
        "fdbe0cb18085fb6f7ec1fd595ffa8c808adc6b1b030f65f01e344d232f0b97f1c4d0af2ce6787ddd2c0a3d8487b8081ec966fee1fa374825f42515d3766d8104";

    // 1735689600 = 2025-01-01T00:00:00Z.
    private static readonly DateTimeOffset SignedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DiscordSignatureVerifier Verifier(DateTimeOffset? now = null, string? key = DiscordTestSetup.PublicKey) =>
        new(key, new FakeTimeProvider(now ?? SignedAt.AddSeconds(2)));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void The_spec_vector_verifies()
    {
        Assert.Equal(84, Bytes(Body).Length);
        var verdict = Verifier().Verify(Signature, Timestamp, Bytes(Body));
        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public void Upper_case_hex_is_the_same_signature()
    {
        Assert.True(Verifier().Verify(Signature.ToUpperInvariant(), Timestamp, Bytes(Body)).IsValid);
    }

    [Fact]
    public void The_RFC_8032_test_1_public_key_is_accepted_as_a_key()
    {
        // Its empty message cannot be expressed as timestamp + body, so only the key import is checked here.
        Assert.Null(DiscordSignatureVerifier.DescribeKeyProblem("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    }

    [Fact]
    public void One_byte_changed_in_the_body_fails()
    {
        var verdict = Verifier().Verify(Signature, Timestamp, Bytes(Body.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal)));
        Assert.Equal(SignatureFailure.SignatureMismatch, verdict.Failure);
    }

    [Fact]
    public void A_trailing_newline_on_the_body_fails()
    {
        Assert.Equal(SignatureFailure.SignatureMismatch, Verifier().Verify(Signature, Timestamp, Bytes(Body + "\n")).Failure);
    }

    [Fact]
    public void One_second_changed_in_the_timestamp_fails()
    {
        Assert.Equal(SignatureFailure.SignatureMismatch, Verifier().Verify(Signature, "1735689601", Bytes(Body)).Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(63)]
    public void One_byte_changed_in_the_signature_fails(int byteIndex)
    {
        var bytes = Convert.FromHexString(Signature);
        bytes[byteIndex] ^= 0x01;
        Assert.Equal(SignatureFailure.SignatureMismatch, Verifier().Verify(Convert.ToHexStringLower(bytes), Timestamp, Bytes(Body)).Failure);
    }

    [Fact]
    public void Another_key_fails()
    {
        // RFC 8032 test 1's public key: valid, but not the one that signed.
        var other = Verifier(key: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Assert.Equal(SignatureFailure.SignatureMismatch, other.Verify(Signature, Timestamp, Bytes(Body)).Failure);
    }

    [Theory]
    [InlineData(null, Timestamp, SignatureFailure.SignatureMissing)]
    [InlineData("", Timestamp, SignatureFailure.SignatureMissing)]
    [InlineData(Signature, null, SignatureFailure.TimestampMissing)]
    [InlineData(Signature, "", SignatureFailure.TimestampMissing)]
    [InlineData("zz" + "be0cb18085fb6f7ec1fd595ffa8c808adc6b1b030f65f01e344d232f0b97f1c4d0af2ce6787ddd2c0a3d8487b8081ec966fee1fa374825f42515d3766d8104", Timestamp, SignatureFailure.SignatureNotHex)]
    [InlineData("fdbe0cb1 8085fb6f", Timestamp, SignatureFailure.SignatureNotHex)]
    [InlineData("fdbe0cb18085fb6f", Timestamp, SignatureFailure.SignatureWrongLength)]
    [InlineData(Signature + "00", Timestamp, SignatureFailure.SignatureWrongLength)]
    [InlineData(Signature + "0", Timestamp, SignatureFailure.SignatureWrongLength)]
    [InlineData(Signature, "1735689600.5", SignatureFailure.TimestampMalformed)]
    [InlineData(Signature, "-1735689600", SignatureFailure.TimestampMalformed)]
    [InlineData(Signature, " 1735689600", SignatureFailure.TimestampMalformed)]
    [InlineData(Signature, "99999999999999999999", SignatureFailure.TimestampMalformed)]
    public void Malformed_headers_each_have_their_own_reason(string? signature, string? timestamp, SignatureFailure expected)
    {
        Assert.Equal(expected, Verifier().Verify(signature, timestamp, Bytes(Body)).Failure);
    }

    [Theory]
    [InlineData(null, SignatureFailure.PublicKeyMissing)]
    [InlineData("  ", SignatureFailure.PublicKeyMissing)]
    [InlineData("3bc984696c7020b6", SignatureFailure.PublicKeyMalformed)]
    [InlineData("xyz984696c7020b60ae6fac208fe59383e00233d6a755c469d268179398c1a02", SignatureFailure.PublicKeyMalformed)]
    public void A_missing_or_malformed_key_refuses_even_a_good_request(string? key, SignatureFailure expected)
    {
        var verdict = Verifier(key: key).Verify(Signature, Timestamp, Bytes(Body));
        Assert.Equal(expected, verdict.Failure);
        Assert.NotNull(DiscordSignatureVerifier.DescribeKeyProblem(key));
    }

    [Theory]
    [InlineData(300, SignatureFailure.None)]
    [InlineData(301, SignatureFailure.TimestampTooOld)]
    [InlineData(-300, SignatureFailure.None)]
    [InlineData(-301, SignatureFailure.TimestampInFuture)]
    [InlineData(86_400, SignatureFailure.TimestampTooOld)]
    public void An_authentic_request_outside_five_minutes_is_a_replay(int secondsAfterSigning, SignatureFailure expected)
    {
        var verdict = Verifier(SignedAt.AddSeconds(secondsAfterSigning)).Verify(Signature, Timestamp, Bytes(Body));
        Assert.Equal(expected, verdict.Failure);
    }

    [Fact]
    public void A_forged_signature_is_reported_as_a_mismatch_not_as_a_replay()
    {
        var verdict = Verifier(SignedAt.AddHours(1)).Verify(Signature, "1735693200", Bytes(Body));
        Assert.Equal(SignatureFailure.SignatureMismatch, verdict.Failure);
    }
}
