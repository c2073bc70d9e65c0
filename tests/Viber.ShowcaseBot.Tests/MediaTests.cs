using ShowcaseBot.Media;
using ShowcaseBot.Menus;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Emulator.Conversations;
using Viber.ShowcaseBot.Tests.Support;

namespace Viber.ShowcaseBot.Tests;

/// <summary>The bot's picture, file, contact and location messages, and its answers to the media users send.</summary>
public sealed class MediaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Media_sends_a_picture_a_file_a_contact_and_a_location_that_the_app_serves()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Olena");

        await user.SendTextAsync(MenuActions.Media, Ct);
        var messages = new List<ChatMessage>();
        for (var i = 0; i < 5; i++)
        {
            messages.Add(await user.WaitForMessageAsync(cancellationToken: Ct));
        }

        var picture = Assert.IsType<PictureMessage>(messages[0].Message);
        var file = Assert.IsType<FileMessage>(messages[1].Message);
        var contact = Assert.IsType<ContactMessage>(messages[2].Message);
        var location = Assert.IsType<LocationMessage>(messages[3].Message);
        Assert.IsType<TextMessage>(messages[4].Message);
        Assert.All(messages, m => Assert.Equal(DeliveryState.Delivered, m.State));
        Assert.All(host.Emulator.ApiCalls.Where(c => c.Method == ViberApiMethods.SendMessage), c => Assert.Equal(ViberStatus.Ok, c.Status));
        Assert.Equal(MediaRoutes.Contact.PhoneNumber, contact.Contact!.PhoneNumber);
        Assert.Equal(MediaRoutes.Location.Latitude, location.Location!.Latitude);

        // The URLs point at this app's wwwroot/media, and it serves exactly what the messages describe.
        using var http = host.Factory.CreateClient();
        var pictureBytes = await http.GetByteArrayAsync(new Uri(picture.Media!).PathAndQuery, Ct);
        var fileBytes = await http.GetByteArrayAsync(new Uri(file.Media!).PathAndQuery, Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], pictureBytes[..4]);
        Assert.Equal(file.Size, fileBytes.Length);
        Assert.Equal("menu.pdf", file.FileName);
    }

    [Fact]
    public async Task A_configured_media_base_url_is_used_and_a_relative_one_stops_the_start_up()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct, ("Showcase:MediaBaseUrl", "https://cdn.example.com/cafe"));
        var user = host.Emulator.CreateUser("Olena");
        await user.SendTextAsync(MenuActions.Media, Ct);
        var picture = await user.WaitForMessageAsync(cancellationToken: Ct);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => ShowcaseHost.StartAsync(Ct, ("Showcase:MediaBaseUrl", "/media")));

        Assert.Equal("https://cdn.example.com/cafe/espresso.png", ((PictureMessage)picture.Message).Media);
        Assert.Contains("Showcase:MediaBaseUrl must be an absolute http(s) URL", exception.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pictures_files_contacts_and_locations_users_send_are_answered()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Taras");

        await user.SendPictureAsync("https://example.com/cat.jpg", "my cat", cancellationToken: Ct);
        var picture = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendFileAsync("https://example.com/cv.docx", "cv.docx", 12345, Ct);
        var file = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendContactAsync("Iryna", "+380671112233", cancellationToken: Ct);
        var contact = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendLocationAsync(46.4825, 30.7233, Ct);
        var location = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("Nice picture of my cat!", picture.Text);
        Assert.Equal("Got your file cv.docx (12345 bytes).", file.Text);
        Assert.Equal("Thanks, I will remember Iryna (+380671112233).", contact.Text);
        Assert.StartsWith("You are at 46.4825, 30.7233.", location.Text, StringComparison.Ordinal);
    }
}
