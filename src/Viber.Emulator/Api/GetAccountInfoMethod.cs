using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>get_account_info: the account, its webhook and event types, and the number of subscribers.</summary>
internal sealed class GetAccountInfoMethod(EmulatorState state) : IApiMethod
{
    public string Name => ViberApiMethods.GetAccountInfo;

    public bool AllowsGet => true;

    public Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var account = BotAccountSnapshot.Take(state);
        var options = state.Options;
        var response = new GetAccountInfoResponse
        {
            Id = account.Id,
            Name = account.Name,
            Uri = account.Uri,
            Icon = account.Avatar,
            Category = options.Category,
            Country = options.Country,
            Webhook = account.Webhook?.AbsoluteUri,
            EventTypes = [.. (account.EventTypes ?? EventTypePolicy.ReportedWhenOmitted).Select(ViberEventType.FromString)],
            SubscribersCount = account.SubscribersCount,
        };
        return Task.FromResult(ApiResult.Ok(response, ViberJson.Context.GetAccountInfoResponse));
    }
}
