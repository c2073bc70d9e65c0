using System.Globalization;
using System.Text;
using Viber.Api.Signatures;

namespace Viber.Benchmarks.Webhook;

/// <summary>
/// Distinct signed <c>delivered</c> callbacks, dated now: more of them than the deduplication store holds, so cycling
/// through them never meets a key the store still remembers (every callback takes the first-delivery path).
/// </summary>
internal sealed class SignedBodies
{
    private readonly byte[][] _bodies;
    private readonly string[] _signatures;
    private int _next = -1;

    public SignedBodies(string token, int count)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        _bodies = new byte[count][];
        _signatures = new string[count];
        for (var i = 0; i < count; i++)
        {
            var body = "{\"event\":\"delivered\",\"timestamp\":" + timestamp + ",\"chat_hostname\":\"SN-376_\",\"message_token\":"
                + (5_000_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)
                + ",\"user_id\":\"user-" + (i % 500).ToString(CultureInfo.InvariantCulture) + "\"}";
            _bodies[i] = Encoding.UTF8.GetBytes(body);
            _signatures[i] = ViberSignature.Compute(_bodies[i], token);
        }
    }

    /// <summary>Returns the next body and its signature.</summary>
    public (byte[] Body, string Signature) Next()
    {
        var i = (int)((uint)Interlocked.Increment(ref _next) % (uint)_bodies.Length);
        return (_bodies[i], _signatures[i]);
    }
}
