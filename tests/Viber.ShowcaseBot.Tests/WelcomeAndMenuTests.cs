using ShowcaseBot.Account;
using ShowcaseBot.Menus;
using Viber.Api;
using Viber.Emulator.Conversations;
using Viber.ShowcaseBot.Tests.Support;

namespace Viber.ShowcaseBot.Tests;

/// <summary>The welcome message, the main menu and deep links, end to end on the emulator.</summary>
public sealed class WelcomeAndMenuTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_the_conversation_gets_a_welcome_with_the_main_menu()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Olena");

        await user.OpenConversationAsync(cancellationToken: Ct);
        var welcome = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal(ChatMessageOrigin.WelcomeResponse, welcome.Origin);
        Assert.Equal(DeliveryState.Delivered, welcome.State);
        Assert.StartsWith("Hi Olena! Welcome", welcome.Text, StringComparison.Ordinal);
        Assert.Equal("Showcase Café", welcome.Sender?.Name);
        Assert.Equal(
            [MenuActions.Order, MenuActions.Media, MenuActions.AboutMe, MenuActions.Online, MenuActions.Invite],
            user.Keyboard!.Buttons.Select(b => b.ActionBody));
    }

    [Fact]
    public async Task A_menu_tap_and_unknown_text_both_get_the_main_menu()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Taras");

        await user.SendTextAsync("what is this?", Ct);
        var notUnderstood = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync(MenuActions.Menu, Ct);
        var menu = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Contains("did not get that", notUnderstood.Text, StringComparison.Ordinal);
        Assert.Equal("What would you like to do?", menu.Text);
        Assert.Contains(user.Keyboard!.Buttons, b => b.ActionBody == MenuActions.Order);
    }

    [Fact]
    public async Task An_invitation_link_opens_the_conversation_with_its_context_in_the_welcome()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var inviter = host.Emulator.CreateUser("Olena");
        var friend = host.Emulator.CreateUser("Petro");
        await inviter.OpenConversationAsync(cancellationToken: Ct);
        await inviter.WaitForMessageAsync(cancellationToken: Ct);

        await inviter.TapKeyboardButtonAsync(MenuActions.Invite, Ct);
        var invitation = await inviter.WaitForMessageAsync(cancellationToken: Ct);
        var link = invitation.Text![invitation.Text!.IndexOf("viber://", StringComparison.Ordinal)..];
        await friend.OpenDeepLinkAsync(link, Ct);
        var welcome = await friend.WaitForMessageAsync(cancellationToken: Ct);

        Assert.StartsWith("viber://pa?chatURI=emulatedbot&context=", link, StringComparison.Ordinal);
        Assert.Equal(AccountRoutes.InviteContext("Olena"), friend.Context);
        Assert.Contains($"You came with the link '{AccountRoutes.InviteContext("Olena")}'", welcome.Text, StringComparison.Ordinal);
        Assert.All(host.Emulator.ApiCalls, call => Assert.Equal(ViberStatus.Ok, call.Status));
    }
}
