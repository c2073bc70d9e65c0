namespace Viber.Api.Serialization;

/// <summary>Reads <see cref="Callbacks.ViberCallback.Event"/>: a known event as the library's constant.</summary>
internal sealed class EventNameConverter() : WireNameConverter(WireNames.Events);
