using Viber.Api.Messages;

namespace Viber.Api.Validation;

/// <summary>
/// The rules every message shares: receiver, sender, tracking_data and min_api_version
/// (Viber REST Bot API documentation, send_message: "parameters available for all message types").
/// </summary>
internal static class EnvelopeRules
{
    /// <summary>tracking_data: at most 4096 characters (the REST Bot API documentation; the newer Creators Hub pages say 4000, so 4096 is the upper bound).</summary>
    public const int MaxTrackingDataLength = 4096;

    /// <summary>Validates the fields shared by all message types.</summary>
    public static void Validate(ViberMessage message, ViberMessagePurpose purpose, ViberSender? defaultSender)
    {
        ValidateReceiver(message.Receiver, purpose);

        var sender = message.Sender ?? defaultSender
            ?? throw new ViberValidationException("sender", "is required: set the message's Sender or the client's default sender");
        Check.RequiredMaxLength(sender.Name, ViberSender.MaxNameLength, "sender.name");
        Check.OptionalHttpUrl(sender.Avatar, "sender.avatar");

        Check.MaxLength(message.TrackingData, MaxTrackingDataLength, "tracking_data");
        Check.AtLeast(message.MinApiVersion, 1, "min_api_version");
    }

    private static void ValidateReceiver(string? receiver, ViberMessagePurpose purpose)
    {
        switch (purpose)
        {
            case ViberMessagePurpose.SendMessage:
                Check.Required(receiver, "receiver");
                break;
            case ViberMessagePurpose.Broadcast when receiver is not null:
                throw new ViberValidationException("receiver", "must be unset for broadcast_message; receivers go in broadcast_list");
            case ViberMessagePurpose.WelcomeMessage when receiver is not null:
                throw new ViberValidationException("receiver", "must be unset for a welcome message written into the conversation_started response");
            case ViberMessagePurpose.Broadcast:
            case ViberMessagePurpose.WelcomeMessage:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown message purpose.");
        }
    }
}
