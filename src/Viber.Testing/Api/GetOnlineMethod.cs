using System.Globalization;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;

namespace Viber.Testing.Api;

/// <summary>
/// get_online: 1–100 ids; each subscribed user answers with their online status, anyone else with 4 unavailable.
/// </summary>
internal sealed class GetOnlineMethod(ViberEmulator emulator) : IApiMethod
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

        if (!ApiJson.TryGetStringArray(root, "ids", out var ids))
        {
            return ApiResult.Error(ViberStatus.BadData, "ids must be an array of user ids");
        }

        if (ids is null || ids.Count == 0)
        {
            return ApiResult.Error(ViberStatus.MissingData, "ids is required and must list at least one user id");
        }

        if (ids.Count > MaxIds)
        {
            return ApiResult.Error(ViberStatus.BadData, string.Create(CultureInfo.InvariantCulture, $"ids has {ids.Count} entries; at most {MaxIds} are allowed"));
        }

        var response = new GetOnlineResponse();
        lock (emulator.Gate)
        {
            foreach (var id in ids)
            {
                var status = emulator.UserStates.TryGetValue(id, out var user) && user.Subscribed ? user.OnlineStatus : OnlineStatus.Unavailable;
                response.Users.Add(new UserOnlineStatus
                {
                    Id = id,
                    OnlineStatus = status,
                    OnlineStatusMessage = Describe(status),
                    LastOnline = status == OnlineStatus.Offline ? user?.LastOnline?.ToUnixTimeMilliseconds() : null,
                });
            }
        }

        return ApiResult.Ok(response, ViberJsonContext.Default.GetOnlineResponse);
    }
}
