using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Viber.Emulator;

namespace Viber.Testing;

/// <summary>
/// Routes the emulator's callbacks into the app's TestServer. It runs while the app's pipeline is built, which is
/// before the app can call set_webhook; WebApplicationFactory.Server is not usable yet at that point, so the
/// server is taken from the app's own services instead.
/// </summary>
internal sealed class TestServerCallbackStartupFilter(ViberEmulator emulator) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (app.ApplicationServices.GetRequiredService<IServer>() is TestServer server)
        {
            // CreateHandler needs a started server, so it is called when the first callback is sent.
            emulator.UseCallbackHandler(server.CreateHandler);
        }

        next(app);
    };
}
