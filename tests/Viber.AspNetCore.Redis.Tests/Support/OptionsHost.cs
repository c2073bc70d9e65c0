using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// A bare service collection with a bot, the given Redis registrations and an in-memory configuration, for the
/// options tests: nothing connects, and resolving the options runs their binding and validation as an app's start does.
/// </summary>
public static class OptionsHost
{
    public static ServiceProvider Build(Action<IViberBotBuilder> redis, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging();
        redis(services.AddViberBot(options => options.AuthToken = "tok"));
        return services.BuildServiceProvider();
    }

    /// <summary>Gets the options as bound and validated.</summary>
    /// <exception cref="OptionsValidationException">They are invalid.</exception>
    public static TOptions Resolve<TOptions>(Action<IViberBotBuilder> redis, Dictionary<string, string?>? settings = null)
        where TOptions : class
    {
        using var provider = Build(redis, settings);
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }
}
