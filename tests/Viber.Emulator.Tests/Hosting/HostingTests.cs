using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Viber.Api;
using Viber.Emulator.Hosting;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Hosting;

/// <summary>The emulator's hosting modes: standalone Kestrel, and inside the bot's own app (the samples' emulator mode).</summary>
public sealed class HostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_standalone_server_serves_the_chat_page_and_its_api()
    {
        await using var server = await ViberEmulatorServer.StartAsync(new ViberEmulatorOptions { AuthToken = "standalone-token" }, cancellationToken: Ct);
        using var client = new HttpClient();
        server.Emulator.CreateUser("Page User");

        var page = await client.GetStringAsync(server.ChatPageUrl, Ct);
        var state = await client.GetStringAsync(new Uri(server.ChatPageUrl, "api/state"), Ct);

        Assert.Equal(new Uri(server.BaseAddress, "/viber-emulator/"), server.ChatPageUrl);
        Assert.Contains("<title>Viber emulator</title>", page, StringComparison.Ordinal);
        Assert.Contains("Page User", state, StringComparison.Ordinal);
        Assert.DoesNotContain("standalone-token", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_server_serves_the_api_on_127_0_0_1()
    {
        await using var server = await ViberEmulatorServer.StartAsync(new ViberEmulatorOptions { AuthToken = "standalone-token" }, cancellationToken: Ct);
        using var client = new HttpClient { BaseAddress = server.ApiBaseUrl };

        using var info = Request(HttpMethod.Post, ViberApiMethods.GetAccountInfo, "{}", "standalone-token");
        using var infoResponse = await client.SendAsync(info, Ct);
        using var unknown = Request(HttpMethod.Post, "no_such_method", "{}", "standalone-token");
        using var unknownResponse = await client.SendAsync(unknown, Ct);
        using var huge = Request(HttpMethod.Post, ViberApiMethods.SendMessage, new string(' ', 2 * 1024 * 1024), "standalone-token");
        using var hugeResponse = await client.SendAsync(huge, Ct);

        Assert.Equal(IPAddress.Loopback.ToString(), server.BaseAddress.Host);
        Assert.Equal(new Uri(server.BaseAddress, "/pa/"), server.ApiBaseUrl);
        Assert.Equal(HttpStatusCode.OK, infoResponse.StatusCode);
        Assert.Equal("application/json; charset=utf-8", infoResponse.Content.Headers.ContentType?.ToString());
        Assert.Contains("\"status\":0", await infoResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeResponse.StatusCode);
    }

    [Fact]
    public async Task Inside_an_app_the_emulator_calls_the_apps_own_webhook_over_loopback()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Viber:AuthToken"] = "in-app-token",
            ["Viber:ApiBaseUrl"] = "/viber-emulator/pa/",
        });
        builder.Services.AddViberEmulator(o => o.AuthToken = "in-app-token");
        builder.Services.AddTinyBot();
        await using var app = builder.Build();
        app.MapViberEmulator();
        app.MapTinyBot();
        await app.StartAsync(Ct);
        var emulator = app.Services.GetRequiredService<ViberEmulator>();
        var state = app.Services.GetRequiredService<TinyBotState>();

        var registration = await state.Registration.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var user = emulator.CreateUser("Ann");
        await user.SendTextAsync("hello from the page", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal(ViberStatus.Ok, registration.Status);
        Assert.Equal("127.0.0.1", (await emulator.WaitForWebhookAsync(cancellationToken: Ct)).Host);
        Assert.Equal("echo: hello from the page", echo.Text);
        Assert.Contains(emulator.ApiCalls, c => c.Method == ViberApiMethods.SendMessage && c.Status == ViberStatus.Ok);
        await app.StopAsync(Ct);
    }

    [Fact]
    public void Mapping_without_AddViberEmulator_says_what_to_add()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapViberEmulator());

        Assert.Contains("AddViberEmulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_handler_answers_only_under_its_api_path()
    {
        await using var emulator = new ViberEmulator(new ViberEmulatorOptions { AuthToken = "t" });
        using var client = new HttpClient(emulator.CreateApiHandler()) { BaseAddress = new Uri("https://chatapi.viber.com/") };

        using var api = await client.SendAsync(Request(HttpMethod.Post, "pa/get_account_info", "{}", "t"), Ct);
        using var elsewhere = await client.SendAsync(Request(HttpMethod.Post, "other/get_account_info", "{}", "t"), Ct);
        using var nested = await client.SendAsync(Request(HttpMethod.Post, "pa/x/get_account_info", "{}", "t"), Ct);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nested.StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string body, string token)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ViberApiMethods.AuthTokenHeader, token);
        return request;
    }
}
