using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>get_user_details: a subscribed user's full profile, at most twice per user per 12 hours (12 beyond).</summary>
internal sealed class GetUserDetailsMethod(EmulatorState state) : IApiMethod
{
    public string Name => ViberApiMethods.GetUserDetails;

    public bool AllowsGet => false;

    public Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
        => Task.FromResult(GetDetails(request));

    private ApiResult GetDetails(ApiRequest request)
    {
        if (!ApiJson.TryParseObject(request.Body, out var root))
        {
            return ApiResult.NotJson;
        }

        if (ApiJson.RequireString(root, "id", out var id) is { } noId)
        {
            return noId;
        }

        lock (state.Gate)
        {
            if (!state.Users.TryGetValue(id, out var user))
            {
                return ApiResult.Error(ViberStatus.ReceiverNotRegistered, "no Viber user has this id") with { UserId = id };
            }

            if (!user.Subscribed)
            {
                return ApiResult.Error(ViberStatus.ReceiverNotSubscribed, "get_user_details needs a subscribed user") with { UserId = id };
            }

            if (!user.DetailsCalls.TryAdd(state.Time.GetUtcNow()))
            {
                return ApiResult.Error(ViberStatus.TooManyRequests, "get_user_details allows 2 calls per user per 12 hours; cache the answer") with { UserId = id };
            }

            var profile = user.Profile;
            var response = new GetUserDetailsResponse
            {
                MessageToken = state.Tokens.Next(),
                User = new UserDetails
                {
                    Id = user.Id,
                    Name = profile.Name,
                    Avatar = profile.Avatar,
                    Country = profile.Country,
                    Language = profile.Language,
                    ApiVersion = profile.ApiVersion,
                    PrimaryDeviceOs = profile.PrimaryDeviceOs,
                    ViberVersion = profile.ViberVersion,
                    Mcc = profile.Mcc,
                    Mnc = profile.Mnc,
                    DeviceType = profile.DeviceType,
                },
            };
            return ApiResult.Ok(response, ViberJson.Context.GetUserDetailsResponse) with { UserId = id };
        }
    }
}
