using System.Net;
using System.Text.RegularExpressions;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.AspNetCore.Routing;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Routing;

/// <summary>Routes on a real webhook: which route takes a message, what it captures, and in which order things run.</summary>
public sealed class RoutingTests
{
    private static async Task<IReadOnlyList<ViberMessage>> SendAsync(TestBot bot, ViberCallback callback, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var before = bot.Viber.Sent.Count;
        using var response = await bot.PostAsync(callback);
        Assert.Equal(expected, response.StatusCode);
        return [.. bot.Viber.Sent.Skip(before)];
    }

    private static string? TextOf(ViberMessage message) => Assert.IsType<TextMessage>(message).Text;

    [Fact]
    public async Task Exact_text_takes_only_the_same_text_and_the_reply_goes_to_the_sender_as_the_bot()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnText("ping", context => context.ReplyAsync("pong")));

        var pong = Assert.Single(await SendAsync(bot, Callbacks.Text("ping", userId: "u-42")));
        var none = await SendAsync(bot, Callbacks.Text("Ping"));

        Assert.Equal("pong", TextOf(pong));
        Assert.Equal("u-42", pong.Receiver);
        Assert.Equal("Test Bot", pong.Sender?.Name);   // no Viber:Sender:Name: the account's name
        Assert.Empty(none);
    }

    [Fact]
    public async Task Case_insensitive_text_takes_any_casing()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnTextIgnoreCase("ping", context => context.ReplyAsync("pong")));

        Assert.Single(await SendAsync(bot, Callbacks.Text("PiNG")));
        Assert.Empty(await SendAsync(bot, Callbacks.Text("ping!")));
    }

    [Fact]
    public async Task A_regex_route_gives_named_and_numbered_groups()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnText(
            new Regex(@"^add (?<a>\d+) (\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            context => context.ReplyAsync($"{int.Parse(context["a"], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(context["1"], System.Globalization.CultureInfo.InvariantCulture)} ({context.Match!.Value})")));

        var sum = Assert.Single(await SendAsync(bot, Callbacks.Text("ADD 2 40")));

        Assert.Equal("42 (ADD 2 40)", TextOf(sum));
    }

    [Fact]
    public async Task An_action_template_captures_its_parts_and_a_tap_that_does_not_fit_goes_to_the_fallback()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .OnAction("buy:{sku}", context => context.ReplyAsync("bought " + context["sku"]))
            .OnAction("page:{book}/{page}", context => context.ReplyAsync($"{context.Captures["book"]} p.{context.Captures["page"]}"))
            .Otherwise(context => context.ReplyAsync("fallback: " + context.Text)));

        Assert.Equal("bought sku-1/x", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("buy:sku-1/x")))));
        Assert.Equal("dune p.12", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("page:dune/12")))));
        Assert.Equal("fallback: buy:", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("buy:")))));
        Assert.Equal("fallback: xbuy:1", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("xbuy:1")))));
    }

    [Fact]
    public async Task An_action_regex_route_captures_its_groups()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnAction(new Regex("^vote:(?<choice>yes|no)$"), context => context.ReplyAsync("vote " + context["choice"])));

        Assert.Equal("vote no", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("vote:no")))));
        Assert.Empty(await SendAsync(bot, Callbacks.Text("vote:maybe")));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("buy:{sku", "is not closed")]
    [InlineData("buy:sku}", "closes no")]
    [InlineData("buy:{}", "is not a name")]
    [InlineData("buy:{1st}", "is not a name")]
    [InlineData("{a}-{a}", "appears twice")]
    [InlineData("{a}{b}", "no text between them")]
    public void An_invalid_action_template_is_refused_when_the_route_is_added(string template, string problem)
    {
        var services = new ServiceCollection();
        var builder = services.AddViberBot(o => o.AuthToken = TestBot.Token);

        var error = Assert.ThrowsAny<ArgumentException>(() => builder.OnAction(template, context => context.ReplyAsync("x")));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_type_route_gets_the_message_typed()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .OnMessage<PictureMessage>((context, picture) => context.ReplyAsync("picture " + picture.Media))
            .OnMessage<LocationMessage>((context, location) => context.ReplyAsync($"at {location.Location!.Latitude}")));

        var picture = Assert.Single(await SendAsync(bot, Callbacks.Message(new PictureMessage { Media = "https://example.com/a.jpg", Text = "" })));
        var location = Assert.Single(await SendAsync(bot, Callbacks.Message(new LocationMessage { Location = new ViberLocation { Latitude = 50.5, Longitude = 30.5 } })));
        var text = await SendAsync(bot, Callbacks.Text("not a picture"));

        Assert.Equal("picture https://example.com/a.jpg", TextOf(picture));
        Assert.Equal("at 50.5", TextOf(location));
        Assert.Empty(text);
    }

    [Fact]
    public async Task A_predicate_sees_the_tracking_data_and_a_reply_can_set_the_next_one()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .When(context => context.TrackingData == "awaiting-name", context => context.ReplyAsync("Nice to meet you, " + context.Text))
            .OnText("start", context =>
            {
                context.ReplyTrackingData = "awaiting-name";
                return context.ReplyAsync("What is your name?");
            }));

        var question = Assert.Single(await SendAsync(bot, Callbacks.Text("start")));
        var answer = Assert.Single(await SendAsync(bot, Callbacks.Message(new TextMessage { Text = "Olena", TrackingData = "awaiting-name" })));

        Assert.Equal("awaiting-name", question.TrackingData);
        Assert.Equal("Nice to meet you, Olena", TextOf(answer));
        Assert.Null(answer.TrackingData);
    }

    [Fact]
    public async Task The_first_route_added_wins_and_a_fallback_added_first_does_not_hide_the_others()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .Otherwise(context => context.ReplyAsync("fallback"))
            .OnTextIgnoreCase("hello", context => context.ReplyAsync("first"))
            .OnText("hello", context => context.ReplyAsync("second"))
            .Otherwise(context => context.ReplyAsync("second fallback")));

        Assert.Equal("first", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("hello")))));
        Assert.Equal("fallback", TextOf(Assert.Single(await SendAsync(bot, Callbacks.Text("bye")))));
    }

    [Fact]
    public async Task Event_handlers_see_every_message_before_the_route_and_a_failing_one_stops_it()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .OnText<CallbackLog>("ping", (context, log) =>
            {
                log.Add("route", context.Callback);
                return Task.CompletedTask;
            })
            .On<MessageCallback, CallbackLog>((callback, log, _) =>
            {
                log.Add("handler", callback);
                return ((TextMessage)callback.Message!).Text == "fail" ? throw new InvalidOperationException("handler failed") : Task.CompletedTask;
            })
            .OnText("fail", (ViberMessageContext context, CallbackLog log) =>
            {
                log.Add("route", context.Callback);
                return Task.CompletedTask;
            }));

        await SendAsync(bot, Callbacks.Text("ping"));
        await SendAsync(bot, Callbacks.Text("fail"), HttpStatusCode.InternalServerError);

        Assert.Equal(["handler", "route", "handler"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task A_route_that_throws_answers_500_and_is_logged_by_its_name()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnAction("buy:{sku}", _ => throw new InvalidOperationException("out of stock")));

        await SendAsync(bot, Callbacks.Text("buy:1"), HttpStatusCode.InternalServerError);

        var failure = Assert.Single(bot.Logs.WithEvent("HandlerFailed"));
        Assert.Contains("action \"buy:{sku}\"", failure.Message, StringComparison.Ordinal);
        Assert.Equal("out of stock", failure.Exception?.Message);
    }

    [Fact]
    public async Task A_message_no_route_takes_is_answered_200_and_logged()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnText("ping", context => context.ReplyAsync("pong")));

        Assert.Empty(await SendAsync(bot, Callbacks.Message(new StickerMessage { StickerId = 40129 })));

        Assert.Single(bot.Logs.WithEvent("NoRouteMatched"));
    }

    [Fact]
    public async Task Route_delegates_get_up_to_three_services_from_the_callbacks_scope()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .OnText("one", (ViberMessageContext context, CallbackLog log) =>
            {
                log.Add("one", context.Callback);
                return Task.CompletedTask;
            })
            .OnText("three", async (ViberMessageContext context, CallbackLog log, IViberBotClient client, TimeProvider time) =>
            {
                log.Add(time == TimeProvider.System ? "three" : "wrong time", context.Callback);
                await client.SendMessageAsync(new TextMessage { Receiver = context.UserId, Text = "direct", Sender = new ViberSender("Bot") }, context.CancellationToken);
            }));

        await SendAsync(bot, Callbacks.Text("one"));
        var direct = Assert.Single(await SendAsync(bot, Callbacks.Text("three")));

        Assert.Equal(["one", "three"], bot.Callbacks.Handlers);
        Assert.Equal("direct", TextOf(direct));
    }

    [Fact]
    public async Task A_route_class_is_resolved_from_the_callbacks_scope_only_when_it_matches()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.AddRoute<BuyRoute>(ViberMessageMatcher.Action("buy:{sku}")));

        await SendAsync(bot, Callbacks.Text("hello"));
        var reply = Assert.Single(await SendAsync(bot, Callbacks.Text("buy:7")));

        Assert.Equal("route class bought 7", TextOf(reply));
        Assert.Equal(["BuyRoute"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task Several_replies_go_out_in_order_and_a_keyboard_reply_carries_the_keyboard()
    {
        var keyboard = new KeyboardBuilder().AddRow("Yes", "No").Build();
        await using var bot = await TestBot.StartAsync(bot: b => b.OnText("ask", async context =>
        {
            await context.ReplyAsync(new TextMessage { Text = "one" }, new TextMessage { Text = "two" }, new StickerMessage { StickerId = 40129 });
            await context.ReplyAsync("Sure?", keyboard);
        }));

        var sent = await SendAsync(bot, Callbacks.Text("ask", userId: "u-9"));

        Assert.Equal(["text", "text", "sticker", "text"], sent.Select(m => m.Type));
        Assert.Equal(["one", "two"], sent.Take(2).Select(TextOf));
        Assert.Same(keyboard, sent[3].Keyboard);
        Assert.All(sent, m => Assert.Equal("u-9", m.Receiver));
        Assert.All(sent, m => Assert.Equal("Test Bot", m.Sender?.Name));
    }

    [Fact]
    public async Task An_event_handler_delegate_can_reply_through_the_context()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.On<SubscribedCallback>((context, callback) =>
            context.ReplyAsync($"Thanks, {context.User?.Name} ({callback.User?.Id})!")));

        var thanks = Assert.Single(await SendAsync(bot, Callbacks.Subscribed("u-5")));

        Assert.Equal("Thanks, John McClane (u-5)!", TextOf(thanks));
        Assert.Equal("u-5", thanks.Receiver);
    }

    [Fact]
    public async Task In_background_mode_a_route_replies_after_the_200()
    {
        await using var bot = await TestBot.StartAsync(
            options: o => o.DispatchMode = ViberDispatchMode.Background,
            bot: b => b.OnAction("buy:{sku}", context => context.ReplyAsync("bought " + context["sku"])));

        using var response = await bot.PostAsync(Callbacks.Text("buy:9", userId: "u-bg"));
        await bot.Viber.WaitForSentAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.Viber.Sent);
        Assert.Equal(("bought 9", "u-bg"), (TextOf(reply), reply.Receiver));
    }

    /// <summary>A route written as a class, with a scoped dependency.</summary>
    private sealed class BuyRoute(CallbackLog log) : IViberRoute
    {
        public Task HandleAsync(ViberMessageContext context)
        {
            log.Add(nameof(BuyRoute), context.Callback);
            return context.ReplyAsync("route class bought " + context["sku"]);
        }
    }
}
