#region emulator-mode
using Viber.Emulator.Hosting;

#endregion
using Viber.AspNetCore;

namespace Snippets.Readme;

// README "Emulator mode".
internal static class EmulatorMode
{
    public static void Program(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        #region emulator-mode
        var emulated = builder.UseViberEmulatorWhenNoToken();   // before AddViberBot; needs a fixed http port
        // ...
        #endregion
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"));
        var app = builder.Build();
        app.MapViberWebhook();
        #region emulator-mode
        if (emulated) app.MapViberEmulator();                   // fake Bot API + chat page under /viber-emulator
        #endregion
        app.Run();
    }
}
