using System.Diagnostics;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Handlers;

/// <summary>
/// The handlers of one callback type (see <see cref="ViberHandlerTable"/>), and the entry that processes a callback
/// with its concrete type: the override calls <see cref="ViberCallbackProcessor"/>'s generic method, so that one
/// async method runs the handlers and settles the claim.
/// </summary>
internal abstract class CallbackHandlers
{
    /// <summary>Processes a claimed callback of this object's type.</summary>
    /// <param name="processor">The processor.</param>
    /// <param name="callback">The callback; its type is the one these handlers were picked for.</param>
    /// <param name="key">Its claimed deduplication key.</param>
    /// <param name="claimToken">The token the key was claimed with.</param>
    /// <param name="services">The scope to resolve handlers from.</param>
    /// <param name="parent">The trace context to continue; default to use the current activity.</param>
    /// <param name="cancellationToken">Cancels the handlers.</param>
    /// <returns>The outcome and the welcome message body, if any.</returns>
    public abstract ValueTask<ViberProcessResult> ProcessAsync(
        ViberCallbackProcessor processor,
        ViberCallback callback,
        string key,
        string claimToken,
        IServiceProvider services,
        ActivityContext parent,
        CancellationToken cancellationToken);
}
