using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Callbacks;

namespace Viber.Emulator.Api;

/// <summary>get_account_info: the account, its webhook and event types, and the number of subscribers.</summary>
internal sealed class GetAccountInfoMethod(ViberEmulator emulator) : IApiMethod
{
    public string Name => ViberApiMethods.GetAccountInfo;

    public bool AllowsGet => true;

    public Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var account = emulator.Account;
        var options = emulator.Options;
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
        return Task.FromResult(ApiResult.Ok(response, ViberJsonContext.Default.GetAccountInfoResponse));
    }
}
