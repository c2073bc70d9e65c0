using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>
/// get_online: 1–100 ids; each subscribed user answers with their online status, anyone else with 4 unavailable.
/// </summary>
internal sealed class GetOnlineMethod(EmulatorState state) : IApiMethod
{
    public const int MaxIds = 100;

    public string Name => ViberApiMethods.GetOnline;

    public bool AllowsGet => false;

    public Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
        => Task.FromResult(GetOnline(request));

    private static string Describe(OnlineStatus status) => status switch
    {
        OnlineStatus.Online => "online",
        OnlineStatus.Offline => "offline",
        OnlineStatus.Undisclosed => "undisclosed",
        OnlineStatus.TryLater => "tryLater",
        _ => "unavailable",
    };

    private ApiResult GetOnline(ApiRequest request)
    {
        if (!ApiJson.TryParseObject(request.Body, out var root))
        {
            return ApiResult.NotJson;
        }

        if (ApiJson.RequireStringArray(root, "ids", MaxIds, out var ids) is { } badIds)
        {
            return badIds;
        }

        var response = new GetOnlineResponse();
        lock (state.Gate)
        {
            foreach (var id in ids)
            {
                var status = state.Users.TryGetValue(id, out var user) && user.Subscribed ? user.OnlineStatus : OnlineStatus.Unavailable;
                response.Users.Add(new UserOnlineStatus
                {
                    Id = id,
                    OnlineStatus = status,
                    OnlineStatusMessage = Describe(status),
                    LastOnline = status == OnlineStatus.Offline ? user?.LastOnline?.ToUnixTimeMilliseconds() : null,
                });
            }
        }

        return ApiResult.Ok(response, ViberJson.Context.GetOnlineResponse);
    }
}
