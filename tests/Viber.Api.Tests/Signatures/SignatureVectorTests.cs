using System.Text;
using System.Text.Json;
using Viber.Api.Signatures;

namespace Viber.Api.Tests.Signatures;

public sealed class SignatureVectorTests
{
    public static TheoryData<string> Vectors => new(Fixtures.Names("signature_vector_"));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Documented_vector_computes_and_verifies(string fixture)
    {
        var (token, body, signature) = Load(fixture);

        Assert.Equal(signature, ViberSignature.Compute(body, token));
        Assert.Equal(SignatureVerificationResult.Valid, ViberSignature.Verify(body, signature, token));
        Assert.Equal(SignatureVerificationResult.Valid, ViberSignature.Verify(body, signature.ToUpperInvariant(), token));
        Assert.Equal(SignatureVerificationResult.Valid, new ViberSignatureVerifier("other-token", token).Verify(body, signature));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Any_one_byte_change_fails(string fixture)
    {
        var (token, body, signature) = Load(fixture);
        var verifier = new ViberSignatureVerifier(token);

        // The verifier reuses its HMAC context call after call: the untouched body still verifies between changes.
        for (var i = 0; i < body.Length; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[i] ^= 0x01;
            Assert.Equal(SignatureVerificationResult.Mismatch, ViberSignature.Verify(tampered, signature, token));
            Assert.Equal(SignatureVerificationResult.Mismatch, verifier.Verify(tampered, signature));
            Assert.Equal(SignatureVerificationResult.Valid, verifier.Verify(body, signature));
        }

        var flipped = (signature[0] == '0' ? "1" : "0") + signature[1..];
        Assert.Equal(SignatureVerificationResult.Mismatch, ViberSignature.Verify(body, flipped, token));
        Assert.Equal(SignatureVerificationResult.Mismatch, ViberSignature.Verify(body, signature, token + "x"));
        Assert.Equal(SignatureVerificationResult.Mismatch, ViberSignature.Verify([.. body, (byte)' '], signature, token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_signature_is_reported_as_missing(string header)
    {
        Assert.Equal(SignatureVerificationResult.Missing, ViberSignature.Verify("{}"u8, header, "token"));
        Assert.Equal(SignatureVerificationResult.Missing, new ViberSignatureVerifier("token").Verify("{}"u8, header));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz1b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef")]
    [InlineData("d21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef00")]
    [InlineData("sha256=d21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510")]
    public void Malformed_signature_is_reported_without_throwing(string header)
    {
        Assert.Equal(SignatureVerificationResult.Malformed, ViberSignature.Verify("{}"u8, header, "token"));
        Assert.Equal(SignatureVerificationResult.Malformed, new ViberSignatureVerifier("token").Verify("{}"u8, header));
    }

    [Fact]
    public void Verification_is_thread_safe()
    {
        var (token, body, signature) = Load("signature_vector_official_sdks.json");
        var verifier = new ViberSignatureVerifier(token);

        var results = new SignatureVerificationResult[2000];
        Parallel.For(0, results.Length, i => results[i] = verifier.Verify(body, i % 2 == 0 ? signature : signature.Replace('d', 'e')));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? SignatureVerificationResult.Valid : SignatureVerificationResult.Mismatch, results[i]);
        }
    }

    [Fact]
    public void Verification_of_different_bodies_under_rotated_tokens_is_thread_safe()
    {
        // Each thread keeps its own keyed contexts: bodies of every length, signed with either token or tampered,
        // verified from many threads at once, each get their own answer.
        var verifier = new ViberSignatureVerifier("old-token", "new-token");
        var bodies = Enumerable.Range(0, 3000).Select(i => Encoding.UTF8.GetBytes($"{{\"event\":\"seen\",\"n\":\"{new string('x', i % 700)}\"}}")).ToArray();
        var signatures = bodies.Select((body, i) => ViberSignature.Compute(body, i % 3 == 0 ? "old-token" : "new-token")).ToArray();

        var results = new SignatureVerificationResult[bodies.Length];
        Parallel.For(0, bodies.Length, i => results[i] = verifier.Verify(i % 5 == 4 ? [.. bodies[i], (byte)' '] : bodies[i], signatures[i]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 5 == 4 ? SignatureVerificationResult.Mismatch : SignatureVerificationResult.Valid, results[i]);
        }
    }

    [Fact]
    public void Verifier_rejects_empty_token_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ViberSignatureVerifier(" "));
        Assert.DoesNotContain(" ' '", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ViberSignatureVerifier(Array.Empty<string>()));
    }

    private static (string Token, byte[] Body, string Signature) Load(string fixture)
    {
        using var doc = JsonDocument.Parse(Fixtures.Read(fixture));
        var root = doc.RootElement;
        return (root.GetProperty("token").GetString()!, Encoding.UTF8.GetBytes(root.GetProperty("body").GetString()!), root.GetProperty("signature").GetString()!);
    }
}
