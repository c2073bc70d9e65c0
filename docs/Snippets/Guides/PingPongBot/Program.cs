#region routes-ping-pong
using Viber.Api.Keyboards;
using Viber.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var menu = new KeyboardBuilder()
    .AddButton("Ping", "ping", columns: 3)
    .AddButton("Buy a coffee", "buy:coffee", columns: 3)
    .Build();
builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
    .OnTextIgnoreCase("ping", context => context.ReplyAsync("pong", menu))
    .OnAction("buy:{item}", context => context.ReplyAsync($"One {context["item"]} coming up!", menu))
    .Otherwise(context => context.ReplyAsync($"Hi {context.User?.Name}! Tap a button.", menu));
var app = builder.Build();
app.MapViberWebhook();
app.Run();
#endregion
