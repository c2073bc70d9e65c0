using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore;

/// <summary>Configures the bot added by <c>AddViberBot()</c>: handlers, the API client, the deduplication store.</summary>
public interface IViberBotBuilder
{
    /// <summary>Gets the service collection the bot is registered in.</summary>
    IServiceCollection Services { get; }
}
