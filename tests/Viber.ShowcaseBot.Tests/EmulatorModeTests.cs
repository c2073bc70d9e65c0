using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Viber.Api.Messages;
using Viber.Emulator;
using Viber.Emulator.Conversations;

namespace Viber.ShowcaseBot.Tests;

/// <summary>
/// The README's one command: with no token in Development the sample runs on its own emulator over real sockets,
/// and it refuses to start without a token anywhere else.
/// </summary>
public sealed class EmulatorModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_no_token_in_Development_the_sample_serves_its_chat_page_and_answers_on_its_emulator()
    {
        var port = FreePort.Next();
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder => builder.UseEnvironment("Development").UseSetting("urls", $"http://127.0.0.1:{port}"));
        factory.UseKestrel(port);
        factory.StartServer();
        var emulator = factory.Services.GetRequiredService<ViberEmulator>();
        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var page = await http.GetAsync("/viber-emulator", Ct);
        var user = emulator.CreateUser("Olena");
        await user.OpenConversationAsync(cancellationToken: Ct);
        var welcome = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync(0, Ct);
        await user.WaitForMessageAsync(cancellationToken: Ct);
        var carousel = await user.WaitForMessageAsync(cancellationToken: Ct);
        var image = ((RichMediaMessage)carousel.Message).RichMedia!.Buttons[0].Image!;
        using var picture = await http.GetAsync(new Uri(image), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(ChatMessageOrigin.WelcomeResponse, welcome.Origin);
        Assert.Equal(DeliveryState.Delivered, carousel.State);
        Assert.StartsWith($"http://127.0.0.1:{port}/media/", image, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
    }

    [Fact]
    public void In_Production_a_missing_token_stops_the_app_naming_the_setting()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        var validation = Assert.IsType<OptionsValidationException>(exception.GetBaseException());
        Assert.Contains("Viber:AuthToken", validation.Message, StringComparison.Ordinal);
    }
}
