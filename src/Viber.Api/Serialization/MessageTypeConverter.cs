namespace Viber.Api.Serialization;

/// <summary>Reads <see cref="Messages.ViberMessage.Type"/>: a known message type as the library's constant.</summary>
internal sealed class MessageTypeConverter() : WireNameConverter(WireNames.MessageTypes);
