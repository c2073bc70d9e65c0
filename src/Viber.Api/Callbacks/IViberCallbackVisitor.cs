namespace Viber.Api.Callbacks;

/// <summary>
/// Acts on a callback as its concrete type. <see cref="ViberCallback.Accept{TResult}"/> calls
/// <see cref="Visit{TCallback}"/> with the callback's own type, so code that needs a closed generic per callback
/// type (handler lookup, for example) needs neither a type switch that lists every callback nor reflection, which
/// keeps it AOT-safe and unchanged when a callback type is added.
/// </summary>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IViberCallbackVisitor<out TResult>
{
    /// <summary>Acts on a callback.</summary>
    /// <typeparam name="TCallback">The callback's concrete type, such as <see cref="MessageCallback"/>.</typeparam>
    /// <param name="callback">The callback.</param>
    /// <returns>The result.</returns>
    TResult Visit<TCallback>(TCallback callback)
        where TCallback : ViberCallback;
}
