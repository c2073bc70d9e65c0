using Viber.Api.DeepLinks;

namespace Viber.Api.Tests.DeepLinks;

public sealed class DeepLinkTests
{
    [Fact]
    public void A_link_without_context_names_only_the_bot()
        => Assert.Equal("viber://pa?chatURI=mybot", ViberDeepLink.Conversation("mybot"));

    [Fact]
    public void Context_and_text_are_percent_escaped()
    {
        var link = ViberDeepLink.Conversation("mybot", context: "promo 42&x=1", text: "Hi+there");

        Assert.Equal("viber://pa?chatURI=mybot&context=promo%2042%26x%3D1&text=Hi%2Bthere", link);
    }

    [Theory]
    [InlineData("order=7&ref=qr#top")]
    [InlineData("{\"campaign\":\"весна\",\"id\":7}")]
    [InlineData("emoji 👋🏽 / slash ? question % percent + plus")]
    public void Any_context_survives_the_link(string context)
    {
        var link = ViberDeepLink.Conversation("mybot", context, "text & more");

        var query = Query(link);

        Assert.Equal("mybot", query["chatURI"]);
        Assert.Equal(context, query["context"]);
        Assert.Equal("text & more", query["text"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my bot")]
    public void A_bad_bot_uri_is_refused_naming_the_argument(string chatUri)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => ViberDeepLink.Conversation(chatUri));

        Assert.Equal("chatUri", exception.ParamName);
    }

    [Fact]
    public void The_info_link_opens_the_bots_info_screen()
        => Assert.Equal("viber://pa/info?uri=my.bot", ViberDeepLink.Info("my.bot"));

    private static Dictionary<string, string> Query(string link)
    {
        var query = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..];

        // Every separator in a value was escaped, so splitting on raw '&' and '=' is exact.
        return query.Split('&').Select(pair => pair.Split('=')).ToDictionary(parts => parts[0], parts => Uri.UnescapeDataString(parts[1]));
    }
}
