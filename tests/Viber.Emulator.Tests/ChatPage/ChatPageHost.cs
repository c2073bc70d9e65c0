using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Viber.Emulator.Hosting;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>
/// An app that maps <c>MapViberEmulator()</c> for an <see cref="EmulatorHarness"/> (fake clock, recording webhook),
/// on a TestServer or on Kestrel at 127.0.0.1, with a client whose base address is the page (<c>/viber-emulator/</c>).
/// Logs of Warning and above are collected, so a test can show that a normal disconnect logs nothing.
/// </summary>
internal sealed class ChatPageHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatPageHost(WebApplication app, EmulatorHarness harness, HttpClient client, LogCollector logs)
    {
        _app = app;
        Harness = harness;
        Client = client;
        Logs = logs;
    }

    public EmulatorHarness Harness { get; }

    public ViberEmulator Emulator => Harness.Emulator;

    public HttpClient Client { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ChatPageHost> StartAsync(bool kestrel = false, Action<WebApplication>? map = null)
    {
        var harness = await EmulatorHarness.StartAsync();
        var logs = new LogCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddProvider(logs);
        if (kestrel)
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton(harness.Emulator);
        var app = builder.Build();
        app.MapViberEmulator();
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);

        HttpClient client;
        if (kestrel)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + ViberEmulatorDefaults.AppPath + "/") };
        }
        else
        {
            client = app.GetTestClient();
            client.BaseAddress = new Uri("http://localhost" + ViberEmulatorDefaults.AppPath + "/");
        }

        return new ChatPageHost(app, harness, client, logs);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json = "{}")
    {
        using var content = Json(json);
        using var response = await Client.PostAsync(path, content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>
    /// Creates a user through the page API, with an id that needs no escaping in a path (<c>ann-id</c>) so tests read
    /// plainly; generated ids are base64 and may hold '/' and '+', which a test of its own covers.
    /// </summary>
    /// <returns>The user's id.</returns>
    public async Task<string> CreateUserAsync(string name = "Ann")
    {
        var (status, body) = await PostAsync("api/users", $$"""{"name":"{{name}}","id":"{{name.ToLowerInvariant()}}-id"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("id").GetString()!;
    }

    public Task StopAsync() => _app.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Harness.DisposeAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return bytes.Length == 0 ? default : JsonDocument.Parse(bytes).RootElement.Clone();
    }
}
