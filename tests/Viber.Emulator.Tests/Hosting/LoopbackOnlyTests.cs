using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Viber.Emulator.Hosting;

namespace Viber.Emulator.Tests.Hosting;

/// <summary>The chat page and the emulator's Bot API answer callers on this machine only, unless an option says otherwise.</summary>
public sealed class LoopbackOnlyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/viber-emulator/", "203.0.113.7", false, 403)]
    [InlineData("/viber-emulator/api/users", "203.0.113.7", false, 403)]
    [InlineData("/viber-emulator/pa/get_account_info", "203.0.113.7", false, 403)]
    [InlineData("/pa/get_account_info", "203.0.113.7", false, 403)]
    [InlineData("/viber-emulator/api/users", "127.0.0.1", false, 200)]
    [InlineData("/viber-emulator/api/users", "::1", false, 200)]
    [InlineData("/viber-emulator/api/users", "203.0.113.7", true, 200)]
    [InlineData("/pa/get_account_info", "203.0.113.7", true, 200)]
    public async Task Remote_callers_are_refused_unless_allowed(string path, string remoteAddress, bool allowRemote, int expected)
    {
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { AllowRemoteClients = allowRemote });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(emulator);
        await using var app = builder.Build();
        app.MapViberEmulator();
        app.MapViberEmulatorApi();
        await app.StartAsync(Ct);

        var context = await app.GetTestServer().SendAsync(
            c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = path;
                c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            },
            Ct);

        Assert.Equal(expected, context.Response.StatusCode);
        if (expected == 403)
        {
            Assert.Contains("AllowRemoteClients", await new StreamReader(context.Response.Body).ReadToEndAsync(Ct), StringComparison.Ordinal);
        }
    }
}
