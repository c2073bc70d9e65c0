namespace Viber.Browser.Tests.Support;

/// <summary>
/// The chat page test classes share one Chromium and one bot app, and run one after another: the machines have two
/// cores, and timing checks (refresh bursts, idle windows) must not compete with another browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChatPageCollection : ICollectionFixture<ChatPageFixture>
{
    public const string Name = "Chat page in Chromium";
}
