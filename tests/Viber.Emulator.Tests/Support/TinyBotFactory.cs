using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Viber.Emulator.Tests.Support;

/// <summary>WebApplicationFactory for the tiny bot, built from a host builder since the bot has no entry point of its own.</summary>
internal sealed class TinyBotFactory : WebApplicationFactory<TinyBotState>
{
    protected override IHostBuilder CreateHostBuilder()
        => new HostBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services => services.AddRouting().AddTinyBot())
            .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapTinyBot())));

    // The test assembly is not a web project, so there is no project folder to use as content root.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
