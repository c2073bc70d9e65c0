namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// One redis-server per test class. Without redis-server the tests that need it are skipped, except on CI
/// (<c>CI=true</c>), where they fail: CI installs it, so its absence there is a broken setup, not a reason to skip.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    /// <summary>Gets the running server, skipping (or on CI failing) the calling test when there is none.</summary>
    public RedisServer Server => _server ?? RequireInstalled();

    /// <summary>Gets the server's configuration string.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>Skips the test (or on CI fails it) when redis-server is not installed.</summary>
    public static RedisServer RequireInstalled()
    {
        var reason = RedisServer.UnavailableReason ?? "redis-server did not start";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason}; CI must install it (see .ci/run).");
        }

        Assert.Skip(reason);
        return null!;
    }

    public async ValueTask InitializeAsync()
    {
        if (RedisServer.UnavailableReason is null)
        {
            _server = await RedisServer.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
