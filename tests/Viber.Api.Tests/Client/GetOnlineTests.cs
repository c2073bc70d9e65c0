using System.Text.Json;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

public sealed class GetOnlineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task More_than_100_ids_are_split_into_requests_and_the_users_merged_in_order()
    {
        var ids = Enumerable.Range(0, 250).Select(i => $"user-{i}").ToList();
        var handler = new RecordingHandler(request => RecordingHandler.Json(UsersResponse(request.StringArray("ids"))));

        var users = await TestClient.Create(handler).GetOnlineAsync(ids, Ct);

        Assert.Equal([100, 100, 50], handler.Requests.Select(r => r.StringArray("ids").Count));
        Assert.Equal(ids, handler.Requests.SelectMany(r => r.StringArray("ids")));
        Assert.All(handler.Requests, r => Assert.EndsWith("/get_online", r.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(ids, users.Select(u => u.Id));
    }

    [Fact]
    public async Task A_failing_part_fails_the_call()
    {
        var handler = new RecordingHandler(request => request.Index == 1
            ? RecordingHandler.Json(TestClient.Failure(3, "badData"))
            : RecordingHandler.Json(UsersResponse(request.StringArray("ids"))));

        var ex = await Assert.ThrowsAsync<ViberApiException>(() => TestClient.Create(handler).GetOnlineAsync(Enumerable.Range(0, 201).Select(i => $"u{i}"), Ct));

        Assert.Equal(ViberApiMethods.GetOnline, ex.Method);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task An_empty_list_is_rejected_before_sending()
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).GetOnlineAsync([], Ct));

        Assert.Equal("ids", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task A_null_or_blank_id_is_rejected_before_sending(string? id)
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());
        var ids = Enumerable.Range(0, 150).Select(i => $"u{i}").Append(id!);

        var ex = await Assert.ThrowsAsync<ViberValidationException>(() => TestClient.Create(handler).GetOnlineAsync(ids, Ct));

        Assert.Equal("ids[150]", ex.Field);
        Assert.Empty(handler.Requests);
    }

    private static string UsersResponse(IEnumerable<string> ids)
        => TestClient.Ok($$""","users":{{JsonSerializer.Serialize(ids.Select(id => new Dictionary<string, object> { ["id"] = id, ["online_status"] = 1 }))}}""");
}
