using System.Globalization;
using Viber.LoadBot;
using Viber.LoadBot.FakeApi;
using Viber.LoadBot.Floor;
using Viber.LoadBot.Generation;
using Viber.LoadBot.Minimal;

// The programs behind benchmarks/load/run.sh, one per mode (each its own process, so CPU and RSS are its own):
//   generate KIND COUNT FILE  writes COUNT distinct signed callbacks (KIND delivered|text) and a wrk script reading them
//   floor                     the floor: bare Kestrel endpoints that read, verify, parse (and echo) by hand
//   minimal [echo] [background]  a minimal bot: AddViberBot + MapViberWebhook + one no-op (or echo) handler
//   fake-api [DELAY_MS]       a fast fake Viber Bot API that counts what it receives
// The bot token and the fake API's address come from LOADBOT_TOKEN / LOADBOT_API (defaults below).
var token = Environment.GetEnvironmentVariable("LOADBOT_TOKEN") ?? LoadBotDefaults.Token;
var api = Environment.GetEnvironmentVariable("LOADBOT_API") ?? LoadBotDefaults.ApiBaseUrl;

switch (args)
{
    case ["generate", var kind, var count, var file]:
        CallbackScript.Write(kind, int.Parse(count, CultureInfo.InvariantCulture), token, file);
        return 0;
    case ["floor", ..]:
        await FloorServer.RunAsync(args[1..], token, api);
        return 0;
    case ["minimal", ..]:
        await MinimalBot.RunAsync(args[1..], token, api);
        return 0;
    case ["fake-api", ..]:
        await FakeViberApi.RunAsync(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: Viber.LoadBot generate (delivered|text) COUNT FILE | floor | minimal [echo] [background] | fake-api [DELAY_MS]");
        return 2;
}
