#region guide-proxy-on-another-host
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

#endregion
namespace Snippets.Guides;

// docs/behind-a-proxy.md: trusting a proxy that is not on loopback.
internal static class BehindAProxy
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-proxy-on-another-host
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix;
            options.KnownProxies.Add(IPAddress.Parse("10.0.0.5"));               // the proxy, as the app sees it
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("10.1.0.0/16"));  // or a whole subnet of proxies
        });
        #endregion
    }
}
