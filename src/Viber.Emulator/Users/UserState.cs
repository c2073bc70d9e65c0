using System.Threading.Channels;
using Viber.Api.Keyboards;
using Viber.Api.Requests;
using Viber.Emulator.Conversations;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Users;

/// <summary>What Viber knows about one user. Mutated only under the emulator's lock.</summary>
internal sealed class UserState(string id, EmulatedUserProfile profile)
{
    /// <summary>Viber refuses the 101st message within an hour that the user has not answered.</summary>
    public const int UnansweredMessagesPerHour = 100;

    /// <summary>Viber answers get_user_details twice per user per 12 hours.</summary>
    public const int DetailsCallsPer12Hours = 2;

    public string Id { get; } = id;

    public EmulatedUserProfile Profile { get; } = profile;

    public bool Subscribed { get; set; }

    public DateTimeOffset? ConversationStartedAt { get; set; }

    public bool WelcomeMessageUsed { get; set; }

    public string? Context { get; set; }

    public string? TrackingData { get; set; }

    public Keyboard? Keyboard { get; set; }

    public OnlineStatus OnlineStatus { get; set; } = OnlineStatus.Online;

    public DateTimeOffset? LastOnline { get; set; }

    public DateTimeOffset? LastUserMessageAt { get; set; }

    public List<ChatMessage> Conversation { get; } = [];

    public SlidingWindowCounter UnansweredMessages { get; } = new(TimeSpan.FromHours(1), UnansweredMessagesPerHour);

    public SlidingWindowCounter DetailsCalls { get; } = new(TimeSpan.FromHours(12), DetailsCallsPer12Hours);

    /// <summary>Bot messages not yet handed out by <see cref="EmulatedUser.WaitForMessageAsync"/>.</summary>
    public Channel<ChatMessage> Inbox { get; } = Channel.CreateUnbounded<ChatMessage>(new UnboundedChannelOptions { SingleReader = false });
}
