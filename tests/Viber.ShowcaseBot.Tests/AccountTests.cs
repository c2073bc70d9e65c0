using ShowcaseBot.Menus;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Emulator.Users;
using Viber.ShowcaseBot.Tests.Support;

namespace Viber.ShowcaseBot.Tests;

/// <summary>get_user_details through the cache, and get_online.</summary>
public sealed class AccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task About_me_asked_twice_calls_get_user_details_once()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser(new EmulatedUserProfile { Name = "Olena", Country = "PL", Language = "pl", DeviceType = "Galaxy S24" });
        await user.SubscribeAsync(Ct);

        await user.SendTextAsync(MenuActions.AboutMe, Ct);
        var first = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync(MenuActions.AboutMe, Ct);
        var second = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("You are Olena, from PL, language pl, on Android 14 (Galaxy S24) with Viber 24.9.0.", first.Text);
        Assert.Equal(first.Text, second.Text);
        var call = Assert.Single(host.Emulator.ApiCalls, c => c.Method == ViberApiMethods.GetUserDetails);
        Assert.Equal(ViberStatus.Ok, call.Status);
    }

    [Fact]
    public async Task Online_reports_the_user_and_how_many_subscribers_are_online()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var asking = await host.SubscribedUserAsync("Olena", Ct);
        var away = await host.SubscribedUserAsync("Taras", Ct);
        var online = await host.SubscribedUserAsync("Iryna", Ct);
        asking.SetOnlineStatus(OnlineStatus.Online);
        online.SetOnlineStatus(OnlineStatus.Online);
        away.SetOnlineStatus(OnlineStatus.Offline);

        await asking.SendTextAsync(MenuActions.Online, Ct);
        var answer = await asking.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("You are online. 2 of 3 subscribers checked are online.", answer.Text);
        var call = Assert.Single(host.Emulator.ApiCalls, c => c.Method == ViberApiMethods.GetOnline);
        Assert.Equal(ViberStatus.Ok, call.Status);
    }
}
