using System.Net;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>
/// What the page API answers to input it cannot use: 400 (404 for a user nobody created) with the field at fault and
/// what it needs, in words a developer reads next to the composer, never a serializer's message about .NET types.
/// </summary>
public sealed class ChatPageValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"type":"location","location":{"lat":"abc","lon":2.29}}""", "location.lat", "location.lat: a number between -90 and 90 is required")]
    [InlineData("""{"type":"location","location":{"lat":91,"lon":2.29}}""", "location.lat", "location.lat: a number between -90 and 90 is required")]
    [InlineData("""{"type":"location","location":{"lat":48.85,"lon":null}}""", "location.lon", "location.lon: a number between -180 and 180 is required")]
    [InlineData("""{"type":"location","location":{"lat":48.85}}""", "location.lon", "location.lon: a number between -180 and 180 is required")]
    [InlineData("""{"type":"location"}""", "location", "location: an object with lat and lon is required")]
    [InlineData("""{"type":"contact","contact":{"name":"Ann","phone_number":"call me"}}""", "contact.phone_number", "contact.phone_number: a phone number is required, such as +380501234567")]
    [InlineData("""{"type":"contact","contact":{"name":" ","phone_number":"+380501234567"}}""", "contact.name", "contact.name: the contact's name")]
    [InlineData("""{"type":"contact","contact":"Ann"}""", "contact", "contact: an object with name and phone_number is required")]
    [InlineData("""{"type":"sticker","sticker_id":"smile"}""", "sticker_id", "sticker_id: a Viber sticker id")]
    [InlineData("""{"type":"picture","media":"photo.jpg"}""", "media", "media: the picture's http(s) URL is required")]
    [InlineData("""{"type":"url","media":"ftp://example.com/x"}""", "media", "media: an http(s) URL")]
    [InlineData("""{"type":"video","media":"https://example.com/v.mp4","duration":"long"}""", "duration", "duration: the length")]
    [InlineData("""{"type":"file","media":"https://example.com/a.pdf","size":10}""", "file_name", "file_name: a file name with its extension")]
    [InlineData("""{"type":"file","media":"https://example.com/a.pdf","file_name":"a.pdf","size":0}""", "size", "size: the file size in bytes, a whole number above 0, is required")]
    [InlineData("""{"type":"file","media":"https://example.com/a.pdf","file_name":"a.pdf"}""", "size", "size: the file size in bytes")]
    [InlineData("""{"type":"text","text":5}""", "text", "text: some text is required")]
    [InlineData("""{"text":"hi"}""", "type", "type: the message type is required: text, picture, video, file, sticker, contact, url or location")]
    [InlineData("""{"type":"keyboard"}""", "type", "type: Viber users cannot send keyboard messages")]
    public async Task A_message_with_a_bad_field_is_refused_with_the_field_and_what_it_needs(string body, string field, string error)
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var (status, problem) = await host.PostAsync($"api/users/{id}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith(error, problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Harness.Webhook.Of("message"));
        Assert.Empty(host.Emulator.GetUser(id).Conversation);
    }

    [Theory]
    [InlineData("""{"type":"location","location":{"lat":48.8584,"lon":2.2945}}""", "location")]
    [InlineData("""{"type":"location","location":{"lat":"-33.86","lon":"151.21"}}""", "location")]
    [InlineData("""{"type":"contact","contact":{"name":"Name","phone_number":"+380 (50) 123-45-67"}}""", "contact")]
    [InlineData("""{"type":"sticker","sticker_id":"40129"}""", "sticker")]
    [InlineData("""{"type":"picture","media":"https://example.com/photo.jpg","text":""}""", "picture")]
    [InlineData("""{"type":"video","media":"https://example.com/v.mp4","size":1000,"duration":10}""", "video")]
    [InlineData("""{"type":"url","media":"https://www.viber.com"}""", "url")]
    [InlineData("""{"type":"file","media":"https://example.com/doc.pdf","file_name":"doc.pdf","size":3220,"file_size":3220}""", "file")]
    [InlineData("""{"type":"file","media":"https://example.com/doc.pdf","file_name":"doc.pdf","file_size":3220}""", "file")]
    public async Task A_message_a_Viber_user_can_send_is_accepted_and_posted_to_the_webhook(string body, string type)
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        var (status, _) = await host.PostAsync($"api/users/{id}/messages", body);
        await host.Emulator.WhenIdleAsync(Ct);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var message = Assert.IsType<MessageCallback>(Assert.Single(host.Harness.Webhook.Of("message")).Callback).Message;
        Assert.Equal(type, message?.Type);
    }

    [Fact]
    public async Task A_file_from_the_page_reaches_the_bot_with_its_name_and_size()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync();

        await host.PostAsync($"api/users/{id}/messages", """{"type":"file","media":"https://example.com/doc.pdf","file_name":"doc.pdf","size":3220,"file_size":3220}""");
        await host.Emulator.WhenIdleAsync(Ct);

        var file = Assert.IsType<FileMessage>(Assert.IsType<MessageCallback>(Assert.Single(host.Harness.Webhook.Of("message")).Callback).Message);
        Assert.Equal(("https://example.com/doc.pdf", "doc.pdf", 3220L, 3220L), (file.Media, file.FileName, file.Size, file.FileSize));
    }

    [Theory]
    [InlineData("api/users", """{"name":"Ann","apiVersion":"ten"}""", "apiVersion", "apiVersion: a whole number is required")]
    [InlineData("api/users", """{"name":["Ann"]}""", "name", "name: a string is required")]
    [InlineData("api/users", """{"name":"Ann","country":"Ukraine"}""", "country", "country: a 2-letter ISO country code is required, such as UA")]
    [InlineData("api/users/ann-id/tap", """{"index":"first"}""", "index", "index: a whole number is required")]
    [InlineData("api/users/ann-id/open", """{"context":{"promo":1}}""", "context", "context: a string is required")]

    // A field the page API does not check itself: the serializer's JsonException, put in the same words.
    [InlineData("api/users/ann-id/messages", """{"type":"text","text":"hi","tracking_data":5}""", "tracking_data", "tracking_data: a string is required")]
    public async Task A_JSON_value_of_the_wrong_type_is_named_by_its_path_in_plain_words(string path, string body, string field, string error)
    {
        await using var host = await ChatPageHost.StartAsync();
        await host.CreateUserAsync("Ann");

        var (status, problem) = await host.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, problem.GetProperty("error").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("api/users", """{"name":"Ann",""", "The body is not valid JSON (line 1, position 14)")]
    [InlineData("api/users/ann-id/messages", """{"type":"text" "text":"hi"}""", "The body is not valid JSON (line 1, position 16)")]
    [InlineData("api/users", "[1,2]", "The body must be a JSON object.")]
    public async Task Broken_JSON_is_refused_with_where_it_breaks_and_no_NET_jargon(string path, string body, string error)
    {
        await using var host = await ChatPageHost.StartAsync();
        await host.CreateUserAsync("Ann");

        var (status, problem) = await host.PostAsync(path, body);
        var text = problem.GetProperty("error").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(error, text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/users/null/open")]
    [InlineData("api/users/undefined/messages")]
    [InlineData("api/users/%20/subscribe")]
    [InlineData("api/users//open")]
    public async Task An_action_without_a_user_id_is_a_400_naming_the_id(string path)
    {
        await using var host = await ChatPageHost.StartAsync();

        var (status, problem) = await host.PostAsync(path, """{"type":"text","text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("id", problem.GetProperty("field").GetString());
        Assert.Equal("id: a user id is required: pick a user, or create one with POST api/users", problem.GetProperty("error").GetString());
        Assert.DoesNotContain(host.Harness.Webhook.Received, c => c.Event != "webhook");
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_404_with_a_JSON_error()
    {
        await using var host = await ChatPageHost.StartAsync();

        var (status, problem) = await host.GetAsync("api/conversations");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("The page API has no GET api/conversations.", problem.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Undefined, problem.TryGetProperty("field", out var field) ? field.ValueKind : JsonValueKind.Undefined);
    }
}
