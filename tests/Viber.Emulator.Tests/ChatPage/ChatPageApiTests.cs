using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>The JSON API the chat page drives the emulator with (<c>/viber-emulator/api/</c>).</summary>
public sealed class ChatPageApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_shows_the_bot_account_and_the_users_in_creation_order_but_never_the_token()
    {
        await using var host = await ChatPageHost.StartAsync();
        await host.CreateUserAsync("Ann");
        await host.CreateUserAsync("Bob");

        using var response = await host.Client.GetAsync("api/state", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var state = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Emulated Bot", state.GetProperty("bot").GetProperty("name").GetString());
        Assert.Equal(EmulatorHarness.WebhookUrl, state.GetProperty("bot").GetProperty("webhook").GetString());
        Assert.Equal(["Ann", "Bob"], state.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.DoesNotContain(EmulatorHarness.Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_user_applies_the_profile_and_answers_201_with_its_location()
    {
        await using var host = await ChatPageHost.StartAsync();

        using var content = ChatPageHost.Json("""{"name":"Olena","country":"pl","language":"uk","apiVersion":7,"devices":2}""");
        using var response = await host.Client.PostAsync("api/users", content, Ct);
        var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = user.GetProperty("id").GetString()!;
        var profile = host.Emulator.GetUser(id).Profile;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/viber-emulator/api/users/" + Uri.EscapeDataString(id), response.Headers.Location?.OriginalString);
        Assert.Equal(24, id.Length);
        Assert.Equal(("Olena", "PL", "uk", 7, 2), (profile.Name, profile.Country, profile.Language, profile.ApiVersion, profile.Devices));
        Assert.False(user.GetProperty("subscribed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("api/users/" + Uri.EscapeDataString(id))).Status);
    }

    [Theory]
    [InlineData("""{"name":"Ann","country":"Poland"}""", "country")]
    [InlineData("""{"name":"Ann","devices":0}""", "device")]
    [InlineData("""{"name":"Ann","language":" "}""", "language")]
    [InlineData("""{"name":"   "}""", "empty")]
    [InlineData("""{"name":5}""", "name: a string is required")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("", "Send the new user as JSON")]
    public async Task A_bad_new_user_is_refused_with_400_and_the_reason(string body, string reason)
    {
        await using var host = await ChatPageHost.StartAsync();

        var (status, error) = await host.PostAsync("api/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, error.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.Emulator.Users);
    }

    [Fact]
    public async Task A_generated_base64_id_with_slash_and_plus_is_addressed_escaped_in_the_path()
    {
        await using var host = await ChatPageHost.StartAsync();
        var (_, created) = await host.PostAsync("api/users", """{"name":"Ann","id":"ab/cd+ef=="}""");
        var id = created.GetProperty("id").GetString()!;

        var (status, user) = await host.GetAsync("api/users/" + Uri.EscapeDataString(id));
        var (subscribe, _) = await host.PostAsync("api/users/" + Uri.EscapeDataString(id) + "/subscribe");
        await host.Emulator.WhenIdleAsync(Ct);

        Assert.Equal("ab/cd+ef==", id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, user.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Accepted, subscribe);
        Assert.True(host.Emulator.GetUser(id).IsSubscribed);
    }

    [Fact]
    public async Task A_taken_user_id_is_refused_with_400()
    {
        await using var host = await ChatPageHost.StartAsync();
        await host.PostAsync("api/users", """{"id":"same-id","name":"Ann"}""");

        var (status, error) = await host.PostAsync("api/users", """{"id":"same-id","name":"Bob"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already exists", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_application_json_is_refused_with_415_so_other_sites_cannot_post_forms()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        using var form = new FormUrlEncodedContent([]);
        using var response = await host.Client.PostAsync($"api/users/{id}/subscribe", form, Ct);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(host.Emulator.GetUser(id).IsSubscribed);
    }

    [Theory]
    [InlineData("GET", "api/users/nobody")]
    [InlineData("GET", "api/users/nobody/conversation")]
    [InlineData("POST", "api/users/nobody/open")]
    [InlineData("POST", "api/users/nobody/subscribe")]
    [InlineData("POST", "api/users/nobody/messages")]
    [InlineData("POST", "api/users/nobody/tap")]
    [InlineData("POST", "api/users/nobody/seen")]
    public async Task An_unknown_user_is_404(string method, string path)
    {
        await using var host = await ChatPageHost.StartAsync();

        var (status, error) = method == "GET" ? await host.GetAsync(path) : await host.PostAsync(path, """{"type":"text","text":"hi"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("id: no emulated user has id 'nobody'; GET api/users lists them", error.GetProperty("error").GetString());
        Assert.Equal("id", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_message_written_on_the_page_is_posted_to_the_webhook_and_shown_delivered()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var (status, _) = await host.PostAsync($"api/users/{id}/messages", """{"type":"text","text":"hi *there*"}""");
        await host.Emulator.WhenIdleAsync(Ct);
        var conversation = (await host.GetAsync($"api/users/{id}/conversation")).Body;
        var message = Assert.Single(conversation.GetProperty("messages").EnumerateArray());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("hi *there*", TextOf(Assert.Single(host.Harness.Webhook.Of("message"))));
        Assert.Equal("user", message.GetProperty("direction").GetString());
        Assert.Equal("delivered", message.GetProperty("status").GetString());
        Assert.Equal("hi *there*", message.GetProperty("message").GetProperty("text").GetString());

        // Message tokens have 19 digits, more than a JavaScript number holds exactly, so they travel as strings.
        Assert.Equal(JsonValueKind.String, message.GetProperty("token").ValueKind);
        Assert.Equal(host.Emulator.GetUser(id).Conversation[0].MessageToken.ToString(System.Globalization.CultureInfo.InvariantCulture), message.GetProperty("token").GetString());
    }

    [Fact]
    public async Task The_conversation_carries_the_bot_message_as_sent_and_the_keyboard_tapping_sends_its_ActionBody()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();
        await host.PostAsync($"api/users/{id}/subscribe");
        await host.Emulator.WhenIdleAsync(Ct);
        var reply = Requests.Text(id, "Pick one");
        reply["keyboard"] = Requests.Keyboard("yes", "no");
        Assert.Equal(ViberStatus.Ok, (await host.Harness.CallAsync(ViberApiMethods.SendMessage, reply)).Status);
        await host.Emulator.WhenIdleAsync(Ct);

        var conversation = (await host.GetAsync($"api/users/{id}/conversation")).Body;
        var (status, _) = await host.PostAsync($"api/users/{id}/tap", """{"index":1}""");
        await host.Emulator.WhenIdleAsync(Ct);

        var botMessage = Assert.Single(conversation.GetProperty("messages").EnumerateArray());
        Assert.Equal("bot", botMessage.GetProperty("direction").GetString());
        Assert.Equal("send_message", botMessage.GetProperty("origin").GetString());
        Assert.Equal("Test Bot", botMessage.GetProperty("message").GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal(["yes", "no"], conversation.GetProperty("keyboard").GetProperty("Buttons").EnumerateArray().Select(b => b.GetProperty("ActionBody").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("no", TextOf(host.Harness.Webhook.Of("message").Single()));
    }

    [Fact]
    public async Task A_rich_media_button_is_tapped_by_message_token_and_index()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();
        await host.PostAsync($"api/users/{id}/subscribe");
        await host.Emulator.WhenIdleAsync(Ct);
        var carousel = JsonNode.Parse($$$"""
            {"receiver":"{{{id}}}","type":"rich_media","min_api_version":7,"sender":{"name":"Test Bot"},
             "rich_media":{"Type":"rich_media","ButtonsGroupColumns":6,"ButtonsGroupRows":2,"Buttons":[
               {"Columns":6,"Rows":1,"ActionType":"reply","ActionBody":"first","Text":"First"},
               {"Columns":6,"Rows":1,"ActionType":"reply","ActionBody":"second","Text":"Second"}]}}
            """)!;
        var sent = await host.Harness.CallAsync(ViberApiMethods.SendMessage, carousel);
        Assert.Equal(ViberStatus.Ok, sent.Status);
        await host.Emulator.WhenIdleAsync(Ct);

        var token = (await host.GetAsync($"api/users/{id}/conversation")).Body.GetProperty("messages")[0].GetProperty("token").GetString();
        var (status, _) = await host.PostAsync($"api/users/{id}/tap", $$"""{"index":1,"messageToken":"{{token}}"}""");
        await host.Emulator.WhenIdleAsync(Ct);

        Assert.Equal(sent.MessageToken.ToString(System.Globalization.CultureInfo.InvariantCulture), token);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("second", TextOf(host.Harness.Webhook.Of("message").Single()));
    }

    [Theory]
    [InlineData("""{"index":0}""", HttpStatusCode.Conflict, "has no keyboard")]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "index: say which button")]
    [InlineData("""{"index":0,"messageToken":"12ab"}""", HttpStatusCode.BadRequest, "messageToken")]
    [InlineData("""{"index":0,"messageToken":"123"}""", HttpStatusCode.Conflict, "no rich media message 123")]
    public async Task A_tap_on_a_button_the_user_does_not_see_is_refused(string body, HttpStatusCode expected, string reason)
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var (status, error) = await host.PostAsync($"api/users/{id}/tap", body);

        Assert.Equal(expected, status);
        Assert.Contains(reason, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Harness.Webhook.Of("message"));
    }

    [Fact]
    public async Task Subscribing_twice_is_a_409_conflict_and_unsubscribing_then_works()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var first = await host.PostAsync($"api/users/{id}/subscribe");
        await host.Emulator.WhenIdleAsync(Ct);
        var second = await host.PostAsync($"api/users/{id}/subscribe");
        var unsubscribe = await host.PostAsync($"api/users/{id}/unsubscribe");
        await host.Emulator.WhenIdleAsync(Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("already subscribed", second.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, unsubscribe.Status);
        Assert.Single(host.Harness.Webhook.Of("subscribed"));
        Assert.Single(host.Harness.Webhook.Of("unsubscribed"));
        Assert.False(host.Emulator.GetUser(id).IsSubscribed);
    }

    [Theory]
    [InlineData("""{"type":"rich_media","rich_media":{"Buttons":[]}}""", "type: Viber users cannot send rich_media messages")]
    [InlineData("""{"type":"text","text":""}""", "text: some text is required")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    public async Task A_message_a_Viber_user_cannot_send_is_refused_with_400(string body, string reason)
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var (status, error) = await host.PostAsync($"api/users/{id}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Harness.Webhook.Of("message"));
    }

    [Fact]
    public async Task Opening_with_a_context_and_marking_seen_reach_the_bot_and_the_ticks()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();
        await host.PostAsync($"api/users/{id}/open", """{"context":"promo-42"}""");
        await host.PostAsync($"api/users/{id}/subscribe");
        await host.Emulator.WhenIdleAsync(Ct);
        await host.Harness.SendTextAsync(id, "hello");
        await host.Emulator.WhenIdleAsync(Ct);

        var before = (await host.GetAsync($"api/users/{id}/conversation")).Body.GetProperty("messages")[0].GetProperty("status").GetString();
        var (status, _) = await host.PostAsync($"api/users/{id}/seen");
        await host.Emulator.WhenIdleAsync(Ct);
        var after = (await host.GetAsync($"api/users/{id}/conversation")).Body.GetProperty("messages")[0].GetProperty("status").GetString();

        Assert.Equal("promo-42", Assert.IsType<ConversationStartedCallback>(host.Harness.Webhook.Of("conversation_started").Single().Callback).Context);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(("delivered", "seen"), (before, after));
        Assert.Single(host.Harness.Webhook.Of("seen"));
    }

    private static string? TextOf(ReceivedCallback callback)
        => Assert.IsType<TextMessage>(Assert.IsType<MessageCallback>(callback.Callback).Message).Text;
}
