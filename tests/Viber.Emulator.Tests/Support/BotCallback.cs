using Viber.Api.Signatures;

namespace Viber.Emulator.Tests.Support;

/// <summary>A callback as the tiny bot received it, with the outcome of checking both signatures.</summary>
internal sealed record BotCallback(ReceivedCallback Received, SignatureVerificationResult HeaderSignature, SignatureVerificationResult QuerySignature, int AnsweredStatus);
