using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Viber.Emulator.Hosting;

namespace Viber.Emulator.Tests.Hosting;

/// <summary><c>UseViberEmulatorWhenNoToken</c>: the emulated account a bot without a token talks to.</summary>
public sealed class EmulatorWhenNoTokenTests
{
    [Theory]
    [InlineData("Echo Bot", "Echo Bot")]
    [InlineData(null, "Emulated Bot")]
    public async Task The_emulated_account_is_named_as_the_bot_signs_its_messages(string? senderName, string accountName)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration["urls"] = "http://127.0.0.1:5099";
        builder.Configuration["Viber:Sender:Name"] = senderName;

        var emulated = builder.UseViberEmulatorWhenNoToken();
        await using var app = builder.Build();

        Assert.True(emulated);
        Assert.Equal(accountName, app.Services.GetRequiredService<ViberEmulator>().Account.Name);
    }
}
