using Microsoft.Extensions.DependencyInjection;

namespace Viber.AspNetCore.Hosting;

/// <summary>The <see cref="IViberBotBuilder"/> returned by <c>AddViberBot()</c>.</summary>
internal sealed class ViberBotBuilder(IServiceCollection services) : IViberBotBuilder
{
    /// <summary>The name of the HttpClient behind <c>IViberBotClient</c>.</summary>
    public const string HttpClientName = Viber.Api.ViberBotClient.HttpClientName;

    public IServiceCollection Services { get; } = services;
}
