using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>Which handlers run, in which order, in which scope.</summary>
public sealed class DispatchTests
{
    [Fact]
    public async Task Handlers_run_in_registration_order_and_a_base_handler_sees_every_event()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .Record<ViberCallback>("all-1")
            .AddEventHandler<MessageAndAllHandler>()
            .Record<MessageCallback>("message-2")
            .Record<DeliveredCallback>("delivered"));

        using var message = await bot.PostAsync(Callbacks.Text("hi"));
        var afterMessage = bot.Callbacks.Handlers.ToList();
        using var delivered = await bot.PostAsync(Callbacks.Delivered(Callbacks.NextToken()));

        Assert.Equal(["all-1", "class:message", "class:all", "message-2"], afterMessage);
        Assert.Equal(["all-1", "class:message", "class:all", "message-2", "all-1", "class:all", "delivered"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task Every_callback_type_reaches_the_handlers_of_its_own_type()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .Record<MessageCallback>(nameof(MessageCallback))
            .Record<DeliveredCallback>(nameof(DeliveredCallback))
            .Record<SeenCallback>(nameof(SeenCallback))
            .Record<FailedCallback>(nameof(FailedCallback))
            .Record<SubscribedCallback>(nameof(SubscribedCallback))
            .Record<UnsubscribedCallback>(nameof(UnsubscribedCallback))
            .Record<ConversationStartedCallback>(nameof(ConversationStartedCallback))
            .Record<ClientStatusCallback>(nameof(ClientStatusCallback))
            .Record<UnknownCallback>(nameof(UnknownCallback)));
        ViberCallback[] callbacks =
        [
            Callbacks.Text("hi"), Callbacks.Delivered(Callbacks.NextToken()), Callbacks.Seen(Callbacks.NextToken()),
            Callbacks.Failed(Callbacks.NextToken()), Callbacks.Subscribed(), Callbacks.Unsubscribed(), Callbacks.ConversationStarted(),
            new ClientStatusCallback { Timestamp = Callbacks.Now(), MessageToken = Callbacks.NextToken() },
            new UnknownCallback { Event = "typing", Timestamp = Callbacks.Now(), MessageToken = Callbacks.NextToken() },
        ];

        foreach (var callback in callbacks)
        {
            using var response = await bot.PostAsync(callback);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(callbacks.Select(c => c.GetType().Name), bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task A_failing_handler_stops_the_handlers_after_it()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .Record<MessageCallback>("first")
            .On<MessageCallback>((_, _, _) => throw new InvalidOperationException("boom"))
            .Record<MessageCallback>("third"));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(["first"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task Handlers_share_one_scope_per_callback_and_get_a_new_one_for_the_next()
    {
        await using var bot = await TestBot.StartAsync(
            bot: b => b.AddEventHandler<ScopeProbeHandler>().AddEventHandler<SecondScopeProbeHandler>(),
            services: s => s.AddScoped<ScopedThing>());

        using var first = await bot.PostAsync(Callbacks.Text("one"));
        using var second = await bot.PostAsync(Callbacks.Text("two"));

        var ids = bot.Callbacks.Handlers.Select(h => h.Split(':')[1]).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[2], ids[3]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task A_delegate_handler_resolves_from_the_requests_own_scope_including_keyed_services()
    {
        // The webhook hands handlers the request's services only when they ask for one; what they get must still be
        // the request's scope, the one the app's middleware sees, keyed registrations included.
        await using var bot = await TestBot.StartAsync(
            bot: b => b.On<MessageCallback>((callback, services, _) =>
            {
                var log = services.GetRequiredService<CallbackLog>();
                var keyed = services.GetRequiredKeyedService<ScopedThing>("keyed");
                return Record(log, $"{services.GetRequiredService<ScopedThing>().Id}:{keyed.Id}:{services.GetKeyedService<ScopedThing>("missing") is null}", callback);
            }),
            services: s => s.AddScoped<ScopedThing>().AddKeyedScoped<ScopedThing>("keyed"),
            app: a =>
            {
                a.Use((context, next) =>
                {
                    context.RequestServices.GetRequiredService<CallbackLog>().Add($"middleware:{context.RequestServices.GetRequiredService<ScopedThing>().Id}", Callbacks.Subscribed());
                    return next(context);
                });
                a.MapViberWebhook();
            });

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = bot.Callbacks.Handlers.ToList();
        Assert.Equal(2, entries.Count);
        var fromHandler = entries[1].Split(':');
        Assert.Equal(entries[0], $"middleware:{fromHandler[0]}");
        Assert.NotEqual(fromHandler[0], fromHandler[1]);
        Assert.Equal("True", fromHandler[2]);
    }

    [Fact]
    public async Task A_handler_that_resolves_only_singletons_gets_the_apps_instances_and_no_request_scope()
    {
        // Singletons (the client, loggers, options, the app's own) come from the root: the very instances a scope
        // would give, without creating the request's scope and its disposal for them.
        object?[] resolved = [];
        var scopes = new ConcurrentQueue<bool>();
        await using var bot = await TestBot.StartAsync(
            bot: b => b.On<MessageCallback>((_, services, _) =>
            {
                resolved =
                [
                    services.GetRequiredService<IViberBotClient>(),
                    services.GetRequiredService<ILogger<DispatchTests>>(),
                    services.GetRequiredService<IOptions<ViberBotOptions>>(),
                    services.GetService<SingletonThing>(),
                ];
                return Task.CompletedTask;
            }),
            services: s => s.AddSingleton<SingletonThing>(),
            app: a => RecordWhetherTheRequestScopeWasCreated(a, scopes));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                bot.Services.GetRequiredService<IViberBotClient>(),
                bot.Services.GetRequiredService<ILogger<DispatchTests>>(),
                bot.Services.GetRequiredService<IOptions<ViberBotOptions>>(),
                bot.Services.GetRequiredService<SingletonThing>(),
            ],
            resolved,
            ReferenceEqualityComparer.Instance);
        Assert.Equal([false], scopes);
    }

    [Fact]
    public async Task A_type_registered_as_a_singleton_and_then_as_scoped_comes_from_the_requests_scope()
    {
        // The last registration decides, as it does for the container: here a scoped one, shared within a callback,
        // new for the next.
        var ids = new ConcurrentQueue<string>();
        var scopes = new ConcurrentQueue<bool>();
        await using var bot = await TestBot.StartAsync(
            bot: b => b.On<MessageCallback>((_, services, _) =>
            {
                ids.Enqueue($"{services.GetRequiredService<SingletonThing>().Id}:{services.GetRequiredService<SingletonThing>().Id}");
                return Task.CompletedTask;
            }),
            services: s => s.AddSingleton<SingletonThing>().AddScoped<SingletonThing>(),
            app: a => RecordWhetherTheRequestScopeWasCreated(a, scopes));

        using var first = await bot.PostAsync(Callbacks.Text("one"));
        using var second = await bot.PostAsync(Callbacks.Text("two"));

        var pairs = ids.Select(pair => pair.Split(':')).ToList();
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, pair => Assert.Equal(pair[0], pair[1]));
        Assert.NotEqual(pairs[0][0], pairs[1][0]);
        Assert.Equal([true, true], scopes);
    }

    [Fact]
    public async Task A_handler_class_whose_dependencies_are_singletons_is_built_per_callback_without_the_request_scope()
    {
        // Added with AddEventHandler (scoped by default): built from its constructor with the app's singletons, a
        // new instance per callback as a scope would give, and no request scope created for it.
        var scopes = new ConcurrentQueue<bool>();
        await using var bot = await TestBot.StartAsync(
            bot: b => b.AddEventHandler<SingletonDependenciesHandler>(),
            services: s => s.AddSingleton<SingletonThing>().AddSingleton(new ConcurrentQueue<SingletonDependenciesHandler>()),
            app: a => RecordWhetherTheRequestScopeWasCreated(a, scopes));

        using var first = await bot.PostAsync(Callbacks.Text("one"));
        using var second = await bot.PostAsync(Callbacks.Text("two"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var handlers = bot.Services.GetRequiredService<ConcurrentQueue<SingletonDependenciesHandler>>().ToList();
        Assert.Equal(2, handlers.Count);
        Assert.NotSame(handlers[0], handlers[1]);
        Assert.All(handlers, handler =>
        {
            Assert.Same(bot.Services.GetRequiredService<IViberBotClient>(), handler.Client);
            Assert.Same(bot.Services.GetRequiredService<SingletonThing>(), handler.Thing);
        });
        Assert.Equal([false, false], scopes);
    }

    [Fact]
    public async Task A_handler_class_gets_the_keyed_service_its_constructor_names()
    {
        var keyed = new SingletonThing();
        await using var bot = await TestBot.StartAsync(
            bot: b => b.AddEventHandler<KeyedDependencyHandler>(),
            services: s => s.AddSingleton<SingletonThing>().AddKeyedSingleton("keyed", keyed));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"keyed:{keyed.Id}"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task A_disposable_handler_class_still_comes_from_the_request_scope_which_disposes_it()
    {
        var scopes = new ConcurrentQueue<bool>();
        await using var bot = await TestBot.StartAsync(
            bot: b => b.AddEventHandler<DisposableHandler>(),
            services: s => s.AddSingleton<DisposalSignal>(),
            app: a => RecordWhetherTheRequestScopeWasCreated(a, scopes));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Services.GetRequiredService<DisposalSignal>().Disposed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(["disposable"], bot.Callbacks.Handlers);
        Assert.Equal([true], scopes);
    }

    [Theory]
    [InlineData(ServiceLifetime.Scoped)]
    [InlineData(ServiceLifetime.Singleton)]
    public async Task A_handler_class_the_app_registers_with_a_factory_comes_from_that_factory(ServiceLifetime lifetime)
    {
        // Registered after AddEventHandler's own registration, so the factory is the one the container uses; a handler
        // built from its constructor would get the registered name instead.
        await using var bot = await TestBot.StartAsync(
            bot: b => b.AddEventHandler<NamedHandler>(),
            services: s => s
                .AddSingleton(new HandlerName("from-constructor"))
                .Add(new ServiceDescriptor(
                    typeof(NamedHandler),
                    services => new NamedHandler(services.GetRequiredService<CallbackLog>(), new HandlerName("from-factory")),
                    lifetime)));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["from-factory"], bot.Callbacks.Handlers);
    }

    [Fact]
    public async Task Adding_the_same_handler_class_twice_runs_it_once()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.AddEventHandler<MessageAndAllHandler>().AddEventHandler<MessageAndAllHandler>());

        using var response = await bot.PostAsync(Callbacks.Text("hi"));

        Assert.Equal(["class:message", "class:all"], bot.Callbacks.Handlers);
    }

    [Fact]
    public void A_class_that_implements_no_handler_interface_is_refused()
    {
        var services = new ServiceCollection();

        var exception = Assert.Throws<ArgumentException>(() => services.AddViberBot(o => o.AuthToken = "t").AddEventHandler<ScopedThing>());

        Assert.Contains("ScopedThing", exception.Message, StringComparison.Ordinal);
    }

    // Whether anything in the request read HttpContext.RequestServices, which creates the request's scope.
    private static void RecordWhetherTheRequestScopeWasCreated(WebApplication app, ConcurrentQueue<bool> scopes)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            scopes.Enqueue(context.Features.Get<IServiceProvidersFeature>() is not null);
        });
        app.MapViberWebhook();
    }

    private static Task Record(CallbackLog log, string name, ViberCallback callback)
    {
        log.Add(name, callback);
        return Task.CompletedTask;
    }

    private sealed class MessageAndAllHandler(CallbackLog log) : IViberEventHandler<MessageCallback>, IViberEventHandler<ViberCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, "class:message", callback);

        public Task HandleAsync(ViberCallback callback, CancellationToken cancellationToken) => Record(log, "class:all", callback);
    }

    private sealed class SingletonThing
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private sealed class ScopedThing
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private sealed class SingletonDependenciesHandler(IViberBotClient client, SingletonThing thing, ConcurrentQueue<SingletonDependenciesHandler> built)
        : IViberEventHandler<MessageCallback>
    {
        public IViberBotClient Client => client;

        public SingletonThing Thing => thing;

        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
        {
            built.Enqueue(this);
            return Task.CompletedTask;
        }
    }

    private sealed class KeyedDependencyHandler(CallbackLog log, [FromKeyedServices("keyed")] SingletonThing thing) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, $"keyed:{thing.Id}", callback);
    }

    private sealed class DisposalSignal
    {
        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class DisposableHandler(CallbackLog log, DisposalSignal signal) : IViberEventHandler<MessageCallback>, IDisposable
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, "disposable", callback);

        public void Dispose() => signal.Disposed.TrySetResult();
    }

    private sealed record HandlerName(string Value);

    private sealed class NamedHandler(CallbackLog log, HandlerName name) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, name.Value, callback);
    }

    private sealed class ScopeProbeHandler(CallbackLog log, ScopedThing thing) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, $"first:{thing.Id}", callback);
    }

    private sealed class SecondScopeProbeHandler(CallbackLog log, ScopedThing thing) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken) => Record(log, $"second:{thing.Id}", callback);
    }
}
