using System.Globalization;

namespace Viber.LoadBot.FakeApi;

/// <summary>
/// A fast fake Viber Bot API on bare Kestrel: answers every method with status 0 (after an optional delay) and
/// counts send_message requests, which <c>GET /count</c> returns and <c>POST /reset</c> zeroes. It checks nothing
/// beyond the token header being present: the benchmark measures the bot, not Viber's rules (the emulator has those).
/// </summary>
internal static class FakeViberApi
{
    private static long s_sent;

    public static async Task RunAsync(string[] args)
    {
        var delay = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/pa/{method}", async (HttpContext context, string method) =>
        {
            if (!context.Request.Headers.ContainsKey("X-Viber-Auth-Token"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            // Read the whole body, as Viber does, before answering.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.ContentType = "application/json";
            var answer = method switch
            {
                "send_message" => Sent(),
                "set_webhook" => """{"status":0,"status_message":"ok","event_types":["delivered","seen","failed","subscribed","unsubscribed","conversation_started"]}"""u8.ToArray(),
                "get_account_info" => """{"status":0,"status_message":"ok","id":"pa:1","name":"Load Bot","uri":"loadbot","icon":"http://127.0.0.1/icon.png","subscribers_count":0}"""u8.ToArray(),
                _ => """{"status":0,"status_message":"ok"}"""u8.ToArray(),
            };
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        });
        app.MapGet("/count", () => Interlocked.Read(ref s_sent).ToString(CultureInfo.InvariantCulture));
        app.MapPost("/reset", () => Interlocked.Exchange(ref s_sent, 0).ToString(CultureInfo.InvariantCulture));
        await app.RunAsync();
    }

    private static byte[] Sent()
    {
        var token = Interlocked.Increment(ref s_sent);
        return System.Text.Encoding.UTF8.GetBytes(
            "{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + token.ToString(CultureInfo.InvariantCulture) + ",\"chat_hostname\":\"SN-1\",\"billing_status\":1}");
    }
}
