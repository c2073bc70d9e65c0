#region user-details
using Viber.Api.Callbacks;
using Viber.AspNetCore;
using Viber.AspNetCore.Users;

#endregion
namespace Snippets.Readme;

// README "User details (get_user_details)": a continuation of AddViberBot(...).
internal static class UserDetails
{
    public static void Register(IServiceCollection services) => services.AddViberBot()
        #region user-details
        .On<MessageCallback, IViberUserDetailsCache>(async (callback, details, ct) =>
        {
            var user = await details.GetAsync(callback.Sender!.Id!, ct);   // cached; fetched when older than 12 h
            // user.Language, user.Country, user.PrimaryDeviceOs, ...
        })
        #endregion
        ;
}
