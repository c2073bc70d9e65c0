using Microsoft.Extensions.Options;
using Viber.Api;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>In a web app the client's timeouts suit a webhook: a hanging Bot API is given up on in 30 s, not 2 minutes.</summary>
public sealed class ClientTimeoutDefaultsTests
{
    [Fact]
    public void AddViberBot_gives_the_client_webhook_sized_timeouts()
    {
        var options = Resolve(_ => { });

        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.True(options.TotalTimeout < new ViberBotClientOptions().TotalTimeout);
    }

    [Fact]
    public void Timeouts_the_app_configures_win()
    {
        var options = Resolve(services => services.Configure<ViberBotClientOptions>(o =>
        {
            o.TotalTimeout = TimeSpan.FromMinutes(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(45);
        }));

        Assert.Equal(TimeSpan.FromMinutes(5), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.AttemptTimeout);
    }

    private static ViberBotClientOptions Resolve(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddViberBot(o =>
        {
            o.AuthToken = "token";
            o.RegisterWebhook = false;
            o.Sender.Name = "Bot";
        });
        configure(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ViberBotClientOptions>>().Value;
    }
}
