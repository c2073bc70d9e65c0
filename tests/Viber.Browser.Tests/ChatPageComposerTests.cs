using Viber.Api.Messages;
using Viber.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Viber.Browser.Tests;

/// <summary>
/// Writing on the page as a user: each message type says what it takes, a mistake is explained next to the
/// composer with its field marked (never a .NET error), and files can be sent as Viber users send them.
/// </summary>
[Collection(ChatPageCollection.Name)]
public sealed class ChatPageComposerTests(ChatPageFixture fixture)
{
    [Theory]
    [InlineData("location", "48.8584, 2.2945", "latitude (-90 to 90), longitude (-180 to 180)")]
    [InlineData("contact", "Name, +380501234567", "a name and a phone number, separated by a comma")]
    [InlineData("sticker", "40129", "a Viber sticker id")]
    [InlineData("file", "https://example.com/report.pdf", "its URL, its name with the extension and its size in bytes")]
    [InlineData("picture", "https://example.com/photo.jpg", "Picture: its URL")]
    [InlineData("text", "Type a message", "*bold*")]
    public Task The_placeholder_and_hint_follow_the_message_type(string type, string placeholder, string hint) => PageRunner.RunAsync(fixture, "composer-" + type, async page =>
    {
        await PageRunner.CreateUserAsync(page, "Hanna");

        await page.SelectOptionAsync("#message-type", type);

        await Expect(page.Locator("#message-input")).ToHaveAttributeAsync("placeholder", placeholder);
        await Expect(page.Locator("#composer-hint")).ToContainTextAsync(hint);
        if (type == "file")
        {
            await Expect(page.Locator("#file-name-input")).ToBeVisibleAsync();
            await Expect(page.Locator("#file-size-input")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.Locator("#file-fields")).ToBeHiddenAsync();
        }
    });

    [Fact]
    public Task A_bad_location_or_contact_is_explained_by_the_composer_and_the_field_marked_until_fixed() => PageRunner.RunAsync(fixture, "composer-errors", expectedConsoleError: PageRunner.ClientErrorAnswer, test: async page =>
    {
        var id = await PageRunner.CreateUserAsync(page, "Ivan");
        await page.SelectOptionAsync("#message-type", "location");

        await PageRunner.SendAsync(page, "north, 2.29");

        var error = page.Locator("#error");
        await Expect(error).ToHaveTextAsync("location.lat: a number between -90 and 90 is required");
        await Expect(page.Locator("#message-input")).ToHaveAttributeAsync("aria-invalid", "true");
        var composer = (await page.Locator("#composer").BoundingBoxAsync())!;
        var errorBox = (await error.BoundingBoxAsync())!;
        Assert.InRange(errorBox.Y - (composer.Y + composer.Height), 0, 20);
        await Screenshots.SaveAsync(page, "composer-error");

        await PageRunner.SendAsync(page, "48.85, 200");

        await Expect(error).ToHaveTextAsync("location.lon: a number between -180 and 180 is required");

        await page.SelectOptionAsync("#message-type", "contact");
        await PageRunner.SendAsync(page, "Ann");

        await Expect(error).ToHaveTextAsync("contact.phone_number: a phone number is required, such as +380501234567");
        Assert.Empty(fixture.Bot.Emulator.GetUser(id).Conversation);

        await PageRunner.SendAsync(page, "Ann, +380501234567");

        await Expect(error).ToBeHiddenAsync();
        await Expect(page.Locator("#message-input")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#messages .msg.user.type-contact")).ToContainTextAsync("Ann · +380501234567");
        await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: a contact message");
    });

    [Fact]
    public Task A_bad_file_size_marks_the_size_field() => PageRunner.RunAsync(fixture, "composer-file-error", expectedConsoleError: PageRunner.ClientErrorAnswer, test: async page =>
    {
        await PageRunner.CreateUserAsync(page, "Jana");
        await page.SelectOptionAsync("#message-type", "file");
        await page.FillAsync("#file-size-input", "big");

        await PageRunner.SendAsync(page, "https://example.com/doc.pdf");

        await Expect(page.Locator("#error")).ToHaveTextAsync("size: the file size in bytes, a whole number above 0, is required");
        await Expect(page.Locator("#file-size-input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#message-input")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    });

    [Fact]
    public Task A_file_is_sent_with_its_name_and_size_and_the_bot_gets_a_file_message() => PageRunner.RunAsync(fixture, "composer-file", async page =>
    {
        var id = await PageRunner.CreateUserAsync(page, "Kira");
        await page.SelectOptionAsync("#message-type", "file");
        await page.FillAsync("#file-name-input", "menu.pdf");
        await page.FillAsync("#file-size-input", "40960");

        await PageRunner.SendAsync(page, "https://example.com/files/menu.pdf");

        await Expect(page.Locator("#messages .msg.user.type-file")).ToContainTextAsync("menu.pdf · 40 KB");
        await Expect(page.Locator("#messages .msg.bot .text").Last).ToHaveTextAsync("echo: a file message");
        var file = Assert.IsType<FileMessage>(fixture.Bot.Emulator.GetUser(id).Conversation.First(m => m.Message is FileMessage).Message);
        Assert.Equal(("https://example.com/files/menu.pdf", "menu.pdf", 40960L, 40960L), (file.Media, file.FileName, file.Size, file.FileSize));
    });
}
