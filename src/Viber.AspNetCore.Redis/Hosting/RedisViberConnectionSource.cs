using StackExchange.Redis;

namespace Viber.AspNetCore.Redis.Hosting;

/// <summary>
/// Where the connection comes from: <see langword="null"/> <see cref="Factory"/> means connect with
/// <see cref="RedisViberOptions.Configuration"/> (and own the connection); otherwise the app's own multiplexer.
/// </summary>
/// <param name="factory">Resolves the app's multiplexer, or <see langword="null"/>.</param>
internal sealed class RedisViberConnectionSource(Func<IServiceProvider, IConnectionMultiplexer>? factory)
{
    /// <summary>Gets the source that connects with the configuration string.</summary>
    public static RedisViberConnectionSource FromOptions { get; } = new(null);

    /// <summary>Gets the factory of the app's own multiplexer, or <see langword="null"/>.</summary>
    public Func<IServiceProvider, IConnectionMultiplexer>? Factory { get; } = factory;
}
