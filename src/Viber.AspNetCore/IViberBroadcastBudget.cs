using System.Threading.RateLimiting;

namespace Viber.AspNetCore;

/// <summary>
/// The bot's broadcast budget: Viber allows 500 <c>broadcast_message</c> requests per 10 seconds per bot, and every
/// Viber client the app resolves takes a permit from <see cref="Limiter"/> before each such request (waiting for
/// one when the budget is spent). The default counts in process memory, which is right for one instance; a
/// scaled-out bot shares one budget across its instances (<c>AddRedisBroadcastBudget()</c> in
/// Viber.AspNetCore.Redis), or the instances together exceed Viber's limit.
/// </summary>
public interface IViberBroadcastBudget
{
    /// <summary>Gets the limiter every Viber client of this app shares; one permit per broadcast request.</summary>
    RateLimiter Limiter { get; }
}
