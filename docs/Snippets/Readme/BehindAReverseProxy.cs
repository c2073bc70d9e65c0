#region behind-a-reverse-proxy
using Microsoft.AspNetCore.HttpOverrides;
using Viber.AspNetCore;

#endregion
namespace Snippets.Readme;

// README "Behind a reverse proxy": the webhook under a prefix the proxy strips.
internal static class BehindAReverseProxy
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"));
        #region behind-a-reverse-proxy
        builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders =
            ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix);
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseRouting();          // after the forwarded headers, so routing sees the prefix
        app.MapViberWebhook();
        #endregion
        return app;
    }
}
