using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Viber.Api.Signatures;

namespace Viber.Benchmarks;

/// <summary>
/// Verifying a callback signature: the library's verifier (an HMAC context keyed once per thread and reset after each
/// use, hex decoded into a stack buffer, constant-time compare) against the common SDK approach (new HMAC per call,
/// hex string, string equality), and against the stateless <see cref="ViberSignature.Verify(ReadOnlySpan{byte}, ReadOnlySpan{char}, IReadOnlyList{byte[]})"/>,
/// whose one-shot <c>HMACSHA256.HashData</c> builds a context per call (what the verifier did before).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const string Token = "44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3";
    private byte[] _body = [];
    private string _signature = string.Empty;
    private ViberSignatureVerifier _verifier = null!;
    private byte[][] _keys = [];

    [Params(256, 4096)]
    public int BodySize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = "{\"event\":\"message\",\"timestamp\":1457764197627,\"message\":{\"type\":\"text\",\"text\":\"" + new string('a', BodySize) + "\"}}";
        _body = Encoding.UTF8.GetBytes(text);
        _signature = ViberSignature.Compute(_body, Token);
        _verifier = new ViberSignatureVerifier(Token);
        _keys = [Encoding.UTF8.GetBytes(Token)];
    }

    // The baseline is deliberately written the way many SDKs do it; the analyzers' advice is what the library follows.
#pragma warning disable CA1862, CA1872
    [Benchmark(Baseline = true)]
    public bool NaiveHmacAndStringCompare()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Token));
        var hash = hmac.ComputeHash(_body);
        return BitConverter.ToString(hash).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() == _signature;
    }
#pragma warning restore CA1862, CA1872

    [Benchmark]
    public bool OneShotHmacPerCall() => ViberSignature.Verify(_body, _signature, _keys) == SignatureVerificationResult.Valid;

    [Benchmark]
    public bool ViberSignatureVerifier() => _verifier.Verify(_body, _signature) == SignatureVerificationResult.Valid;
}
