#region guide-routing
using System.Text.RegularExpressions;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;
using Viber.AspNetCore.Routing;

#endregion
namespace Snippets.Guides;

// docs/handlers-and-routing.md: handlers and routes together, in the order a message meets them.
internal static partial class HandlersAndRouting
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-routing
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .AddEventHandler<MessageAudit>()        // 1. every IViberEventHandler<MessageCallback> sees every message
            .OnText(Patterns.OrderNumber(), context => context.ReplyAsync($"Order {context["number"]} is on its way."))
            .OnAction<ICart>("add:{sku}", async (context, cart) =>     // 2. then the routes, in order: the first match wins
            {
                await cart.AddAsync(context.UserId!, context["sku"], context.CancellationToken);
                await context.ReplyAsync("Added to your cart.");
            })
            .OnMessage<PictureMessage>((context, picture) => context.ReplyAsync("Nice picture!"))
            .AddRoute<CheckoutRoute>(ViberMessageMatcher.Action("checkout"))
            .Otherwise(context => context.ReplyAsync("Send an order number (\"order 42\"), or tap a button."));
        #endregion
    }

    #region guide-routing

    sealed class MessageAudit(ILogger<MessageAudit> logger) : IViberEventHandler<MessageCallback>
    {
        public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
        {
            logger.LogInformation("{User} sent a {Type} message.", callback.Sender?.Id, callback.Message?.Type);
            return Task.CompletedTask;   // throwing here would stop the routes and answer 500
        }
    }

    sealed class CheckoutRoute(ICart cart) : IViberRoute   // scoped: one per callback, built only when it matches
    {
        public async Task HandleAsync(ViberMessageContext context)
        {
            var total = await cart.CheckoutAsync(context.UserId!, context.CancellationToken);
            await context.ReplyAsync($"Paid {total:C}. Thank you!");
        }
    }

    static partial class Patterns
    {
        [GeneratedRegex(@"^order (?<number>\d{1,9})$", RegexOptions.IgnoreCase)]
        public static partial Regex OrderNumber();
    }
    #endregion

    // What the block assumes the reader has.
    internal interface ICart
    {
        Task AddAsync(string userId, string sku, CancellationToken cancellationToken);

        Task<decimal> CheckoutAsync(string userId, CancellationToken cancellationToken);
    }
}
