namespace EchoBot;

/// <summary>Names the EchoBot assembly for <c>WebApplicationFactory&lt;EchoBotApp&gt;</c> in tests.</summary>
public sealed class EchoBotApp;
