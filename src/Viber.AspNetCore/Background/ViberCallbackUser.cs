using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Background;

/// <summary>Finds the user a callback is about, wherever its event puts the id.</summary>
internal static class ViberCallbackUser
{
    /// <summary>Gets the user id of a callback.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>The user id, or <see langword="null"/> when the callback names none.</returns>
    public static string? GetUserId(ViberCallback callback) => callback switch
    {
        MessageCallback c => c.Sender?.Id,
        DeliveredCallback c => c.UserId,
        SeenCallback c => c.UserId,
        FailedCallback c => c.UserId,
        SubscribedCallback c => c.User?.Id,
        UnsubscribedCallback c => c.UserId,
        ConversationStartedCallback c => c.User?.Id,
        ClientStatusCallback c => c.User?.Id,
        _ => null,
    };
}
