using Viber.Api.Messages;

namespace Viber.AspNetCore.Routing;

/// <summary>A message of one type.</summary>
/// <typeparam name="TMessage">The message type.</typeparam>
internal sealed class MessageTypeMatcher<TMessage>() : ViberMessageMatcher("message " + typeof(TMessage).Name)
    where TMessage : ViberMessage
{
    internal override bool TryMatch(ViberMessageContext context) => context.Message is TMessage;
}
