using Viber.Api.Callbacks;

namespace Viber.Api.Tests.Callbacks;

/// <summary>Returns the type a visit was made with, which is what generic dispatch keys on.</summary>
internal sealed class StaticTypeVisitor : IViberCallbackVisitor<Type>
{
    public Type Visit<TCallback>(TCallback callback)
        where TCallback : ViberCallback
        => typeof(TCallback);
}
