using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Viber.LoadBot.Floor;

/// <summary>
/// The floor: what the least a Viber webhook can do costs on bare Kestrel (slim builder, no logging, no library).
/// It reads the body, checks the HMAC, parses it into a minimal type and answers 200. With <c>echo</c> it also sends
/// the reply to the fake API before answering; with <c>answer-first</c> it answers 200 first and then sends (the
/// floor of background dispatch). Any failure answers 500, so a broken floor cannot look fast.
/// </summary>
internal static class FloorServer
{
    public static async Task RunAsync(string[] args, string token, string apiBaseUrl)
    {
        var mode = args.Length > 0 ? args[0] : "ingest";
        var key = Encoding.UTF8.GetBytes(token);
        var keyedHmac = Environment.GetEnvironmentVariable("LOADBOT_FLOOR_HMAC") == "keyed";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
        var app = builder.Build();
        using var http = new HttpClient { BaseAddress = new Uri(apiBaseUrl) };
        var tokenHeader = token;

        app.MapPost(LoadBotDefaults.WebhookPath, async context =>
        {
            var result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
            while (!result.IsCompleted)
            {
                context.Request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
            }

            var body = result.Buffer.ToArray();
            context.Request.BodyReader.AdvanceTo(result.Buffer.End);
            if (!Verify(key, body, context.Request.Headers["X-Viber-Content-Signature"].ToString(), keyedHmac))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var callback = JsonSerializer.Deserialize(body, FloorJson.Default.FloorCallback)
                ?? throw new JsonException("null callback");
            if (mode == "ingest" || callback.Event != "message" || callback.Sender is null)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            if (mode == "answer-first")
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                await context.Response.CompleteAsync();
            }

            // Answered first, the reply must not die with the connection (wrk closes it at the end of a run).
            await SendAsync(http, tokenHeader, callback, mode == "answer-first" ? CancellationToken.None : context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        app.MapAllocationCounter();
        await app.RunAsync();
    }

    private static bool Verify(byte[] key, byte[] body, string signature, bool keyedHmac)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        Span<byte> given = stackalloc byte[32];
        if (keyedHmac)
        {
            KeyedHmac.HashData(key, body, expected);
        }
        else
        {
            HMACSHA256.HashData(key, body, expected);
        }

        return Convert.FromHexString(signature, given, out _, out var written) == OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static async Task SendAsync(HttpClient http, string token, FloorCallback callback, CancellationToken cancellationToken)
    {
        var reply = new FloorReply(callback.Sender!.Id, new FloorSender(null, "Floor"), "text", "You said: " + callback.Message?.Text);
        using var request = new HttpRequestMessage(HttpMethod.Post, "send_message")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(reply, FloorJson.Default.FloorReply)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Viber-Auth-Token", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorStatus, cancellationToken);
        if (answer is null || answer.Status != 0)
        {
            throw new InvalidOperationException("send_message failed");
        }
    }
}
