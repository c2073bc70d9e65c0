#region signature-verification
using Viber.Api.Serialization;
using Viber.Api.Signatures;

#endregion
namespace Snippets.Readme;

// README "Verifying a callback signature anywhere".
internal static class SignatureVerification
{
    public static void Verify(string token, byte[] rawBodyBytes, HttpRequest request)
    {
        #region signature-verification
        var verifier = new ViberSignatureVerifier(token);   // several tokens are accepted during rotation
        var result = verifier.Verify(rawBodyBytes, request.Headers["X-Viber-Content-Signature"].ToString());
        if (result != SignatureVerificationResult.Valid) { /* reject: Missing, Malformed or Mismatch */ }
        var callback = ViberJson.DeserializeCallback(rawBodyBytes); // MessageCallback, SeenCallback, ... or UnknownCallback
        #endregion
        _ = callback;
    }
}
