using System.Net;
using System.Text.Json;
using ShowcaseBot.Admin;
using ShowcaseBot.Subscribers;
using Viber.Api;
using Viber.Emulator.Conversations;
using Viber.ShowcaseBot.Tests.Support;

namespace Viber.ShowcaseBot.Tests;

/// <summary>POST /admin/broadcast: the admin key, who the broadcast reaches, and Viber's failed_list in the answer.</summary>
public sealed class AdminBroadcastTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData(ShowcaseHost.AdminKey + "x")]
    public async Task Without_the_admin_key_nothing_is_broadcast(string? key)
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = await host.SubscribedUserAsync("Olena", Ct);
        using var http = host.Factory.CreateClient();

        using var response = await http.SendAsync(Request(key, "Free coffee!"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(host.Emulator.ApiCalls, c => c.Method == ViberApiMethods.BroadcastMessage);
        Assert.Empty(user.Messages);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("", "anything")]
    [InlineData("key", "KEY")]
    [InlineData("key", "key ")]
    public void Only_the_configured_non_empty_key_is_accepted(string? configured, string? presented)
    {
        Assert.False(AdminKey.Accepts(configured, presented));
        Assert.True(AdminKey.Accepts("key", "key"));
    }

    [Fact]
    public async Task A_text_over_Vibers_limit_is_refused_before_anything_is_sent()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        await host.SubscribedUserAsync("Olena", Ct);
        using var http = host.Factory.CreateClient();

        using var response = await http.SendAsync(Request(ShowcaseHost.AdminKey, new string('a', 7001)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Emulator.ApiCalls, c => c.Method == ViberApiMethods.BroadcastMessage);
    }

    [Fact]
    public async Task A_broadcast_reaches_subscribers_and_reports_the_ones_viber_refused()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var olena = await host.SubscribedUserAsync("Olena", Ct);
        var taras = host.Emulator.CreateUser("Taras");
        await taras.SendTextAsync("hi", Ct);   // a first message subscribes without a subscribed callback
        await taras.WaitForMessageAsync(cancellationToken: Ct);
        var left = await host.SubscribedUserAsync("Iryna", Ct);
        await left.UnsubscribeAsync(Ct);
        var store = host.Services.GetRequiredService<ISubscriberStore>();
        var subscribedBefore = store.GetAll().Order(StringComparer.Ordinal).ToList();
        // Callbacks the bot missed (it was down): a user who unsubscribed, and one who left Viber.
        store.Add(left.Id);
        store.Add("01234567890123456789ABCD");
        using var http = host.Factory.CreateClient();

        using var response = await http.SendAsync(Request(ShowcaseHost.AdminKey, "Free coffee today!"), Ct);
        var report = await response.Content.ReadFromJsonAsync(AdminJson.Default.BroadcastReport, Ct);
        var olenaGot = await olena.WaitForMessageAsync(cancellationToken: Ct);
        var tarasGot = await taras.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { olena.Id, taras.Id }.Order(StringComparer.Ordinal), subscribedBefore);
        Assert.Equal((4, 2), (report!.Receivers, report.Sent));
        Assert.Equivalent(
            new[] { (left.Id, (int)ViberStatus.ReceiverNotSubscribed), ("01234567890123456789ABCD", (int)ViberStatus.ReceiverNotRegistered) },
            report.Failed.Select(f => (f.Receiver!, f.Status)),
            strict: true);
        Assert.Equal((ChatMessageOrigin.Broadcast, "Free coffee today!"), (olenaGot.Origin, olenaGot.Text));
        Assert.Equal((ChatMessageOrigin.Broadcast, "Free coffee today!"), (tarasGot.Origin, tarasGot.Text));
        Assert.Empty(left.Messages);
        Assert.Equal(subscribedBefore, store.GetAll().Order(StringComparer.Ordinal));

        // The answer's JSON is what an admin script reads.
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, json.RootElement.GetProperty("sent").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("failed").GetArrayLength());
    }

    [Fact]
    public async Task The_progress_endpoint_reports_the_last_broadcast_to_the_admin_only()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        await host.SubscribedUserAsync("Olena", Ct);
        host.Services.GetRequiredService<ISubscriberStore>().Add("01234567890123456789ABCD");
        using var http = host.Factory.CreateClient();
        var before = await ProgressAsync(http, ShowcaseHost.AdminKey);

        using var response = await http.SendAsync(Request(ShowcaseHost.AdminKey, "Free coffee today!"), Ct);
        var after = await ProgressAsync(http, ShowcaseHost.AdminKey);
        using var refused = await http.GetAsync(BroadcastEndpoint.ProgressPath, Ct);

        Assert.Equal(BroadcastProgressReport.Idle, before);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new BroadcastProgressReport(false, 2, 1, 1, 1, 0), after);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<BroadcastProgressReport?> ProgressAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BroadcastEndpoint.ProgressPath);
        request.Headers.Add(AdminKey.HeaderName, key);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(AdminJson.Default.BroadcastProgressReport, Ct);
    }

    private static HttpRequestMessage Request(string? key, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BroadcastEndpoint.Path)
        {
            Content = JsonContent.Create(new BroadcastRequest(text), AdminJson.Default.BroadcastRequest),
        };
        if (key is not null)
        {
            request.Headers.Add(AdminKey.HeaderName, key);
        }

        return request;
    }
}
