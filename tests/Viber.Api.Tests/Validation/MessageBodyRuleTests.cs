using Viber.Api.Messages;

namespace Viber.Api.Tests.Validation;

public sealed class MessageBodyRuleTests
{
    private const long MB = 1024 * 1024;

    private static readonly Dictionary<string, Func<long, ViberMessage>> Limits = new()
    {
        ["text max"] = n => Valid.Text(Expect.Chars((int)n)),
        ["text min"] = n => Valid.Text(Expect.Chars((int)n)),
        ["picture text"] = n => Valid.With(Valid.Picture(), m => m.Text = Expect.Chars((int)n)),
        ["video size"] = n => Valid.With(Valid.Video(), m => m.Size = n),
        ["video duration"] = n => Valid.With(Valid.Video(), m => m.Duration = n),
        ["file size"] = n => Valid.With(Valid.File(), m => m.Size = n),
        ["file_name"] = n => Valid.File(Expect.Chars((int)n - 4) + ".pdf"),
        ["contact name max"] = n => Valid.Contact(name: Expect.Chars((int)n)),
        ["contact name min"] = n => Valid.Contact(name: Expect.Chars((int)n)),
        ["phone max"] = n => Valid.Contact(phone: Expect.Chars((int)n)),
        ["phone min"] = n => Valid.Contact(phone: Expect.Chars((int)n)),
        ["url"] = n => Valid.Url("https://example.com/" + Expect.Chars((int)n - 20)),
        ["sticker_id"] = n => Valid.Sticker(n),
    };

    private static readonly Dictionary<string, Func<double, ViberMessage>> Coordinates = new()
    {
        ["lat"] = v => Valid.Location(lat: v),
        ["lon"] = v => Valid.Location(lon: v),
    };

    private static readonly Dictionary<string, (Func<ViberMessage> Good, Func<ViberMessage> Bad)> Rules = new()
    {
        ["text null"] = (() => Valid.Text(), () => Valid.Text(null)),
        ["picture text null"] = (() => Valid.Picture(), () => Valid.With(Valid.Picture(), m => m.Text = null)),
        ["picture media null"] = (() => Valid.Picture(), () => Valid.Picture(null)),
        ["picture media relative"] = (() => Valid.Picture(), () => Valid.Picture("/a.jpg")),
        ["picture thumbnail"] = (() => Valid.With(Valid.Picture(), m => m.Thumbnail = "https://example.com/t.jpg"), () => Valid.With(Valid.Picture(), m => m.Thumbnail = "t.jpg")),
        ["video media null"] = (() => Valid.Video(), () => Valid.Video(null)),
        ["video extension"] = (() => Valid.Video("https://example.com/V.MP4?x=1"), () => Valid.Video("https://example.com/v.mov")),
        ["video size null"] = (() => Valid.Video(), () => Valid.With(Valid.Video(), m => m.Size = null)),
        ["video thumbnail"] = (() => Valid.With(Valid.Video(), m => m.Thumbnail = "http://example.com/t.jpg"), () => Valid.With(Valid.Video(), m => m.Thumbnail = "example.com/t.jpg")),
        ["file media null"] = (() => Valid.File(), () => Valid.With(Valid.File(), m => m.Media = null)),
        ["file media relative"] = (() => Valid.File(), () => Valid.With(Valid.File(), m => m.Media = "report.pdf")),
        ["file size null"] = (() => Valid.File(), () => Valid.With(Valid.File(), m => m.Size = null)),
        ["contact null"] = (() => Valid.Contact(), () => Valid.With(Valid.Contact(), m => m.Contact = null)),
        ["location null"] = (() => Valid.Location(), () => Valid.With(Valid.Location(), m => m.Location = null)),
        ["url relative"] = (() => Valid.Url("viber://pa?chatURI=bot"), () => Valid.Url("www.example.com")),
        ["url null"] = (() => Valid.Url(), () => Valid.Url(null)),
        ["sticker null"] = (() => Valid.Sticker(), () => Valid.Sticker(null)),
    };

    [Theory]
    [InlineData("text max", 7000, 7001, "text", "7000")]
    [InlineData("text min", 1, 0, "text", "required")]
    [InlineData("picture text", 768, 769, "text", "768")]
    [InlineData("video size", 26 * MB, (26 * MB) + 1, "size", "27262976")]
    [InlineData("video size", 1, 0, "size", "between 1")]
    [InlineData("video duration", 180, 181, "duration", "180")]
    [InlineData("video duration", 0, -1, "duration", "between 0")]
    [InlineData("file size", 50 * MB, (50 * MB) + 1, "size", "52428800")]
    [InlineData("file size", 1, 0, "size", "between 1")]
    [InlineData("file_name", 256, 257, "file_name", "256")]
    [InlineData("contact name max", 28, 29, "contact.name", "28")]
    [InlineData("contact name min", 1, 0, "contact.name", "required")]
    [InlineData("phone max", 18, 19, "contact.phone_number", "18")]
    [InlineData("phone min", 1, 0, "contact.phone_number", "required")]
    [InlineData("url", 2000, 2001, "media", "2000")]
    [InlineData("sticker_id", 1, 0, "sticker_id", "at least 1")]
    public void Limit_passes_at_the_limit_and_throws_past_it(string rule, long atLimit, long pastLimit, string field, string limit)
        => Expect.Limit(Limits[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("lat", 90, 90.000001, "location.lat", "90")]
    [InlineData("lat", -90, -90.000001, "location.lat", "-90")]
    [InlineData("lat", 0, double.NaN, "location.lat", "90")]
    [InlineData("lon", 180, 180.000001, "location.lon", "180")]
    [InlineData("lon", -180, -180.000001, "location.lon", "-180")]
    [InlineData("lon", 0, double.PositiveInfinity, "location.lon", "180")]
    public void Coordinate_passes_at_the_limit_and_throws_past_it(string rule, double atLimit, double pastLimit, string field, string limit)
        => Expect.Limit(Coordinates[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("text null", "text", "required")]
    [InlineData("picture text null", "text", "may be an empty string")]
    [InlineData("picture media null", "media", "required")]
    [InlineData("picture media relative", "media", "absolute http or https")]
    [InlineData("picture thumbnail", "thumbnail", "absolute http or https")]
    [InlineData("video media null", "media", "required")]
    [InlineData("video extension", "media", ".mp4")]
    [InlineData("video size null", "size", "required")]
    [InlineData("video thumbnail", "thumbnail", "absolute http or https")]
    [InlineData("file media null", "media", "required")]
    [InlineData("file media relative", "media", "absolute http or https")]
    [InlineData("file size null", "size", "required")]
    [InlineData("contact null", "contact", "required")]
    [InlineData("location null", "location", "required")]
    [InlineData("url relative", "media", "absolute URL")]
    [InlineData("url null", "media", "required")]
    [InlineData("sticker null", "sticker_id", "required")]
    public void Rule_accepts_the_good_message_and_rejects_the_bad_one(string rule, string field, string ruleText)
        => Expect.Rule(Rules[rule], field, ruleText);

    [Theory]
    [InlineData("https://example.com/a.jpeg", true)]
    [InlineData("https://example.com/a.jpg", true)]
    [InlineData("http://example.com/dir/A.PNG", true)]
    [InlineData("https://example.com/a.Gif", true)]
    [InlineData("https://example.com/a.jpg?width=400#top", true)]
    [InlineData("https://example.com/a%2Ejpg", true)]
    [InlineData("https://example.com/a.bmp", false)]
    [InlineData("https://example.com/a.webp", false)]
    [InlineData("https://example.com/image.php?file=a.jpg", false)]
    [InlineData("https://example.com/a.jpg/", false)]
    [InlineData("https://example.com/", false)]
    public void Picture_media_must_end_its_last_path_segment_in_a_picture_extension(string media, bool valid)
    {
        var message = Valid.Picture(media);

        if (valid)
        {
            Expect.Valid(message);
            return;
        }

        var exception = Expect.Invalid(message, "media");
        Assert.Contains(".jpeg, .jpg, .png, .gif", exception.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Picture_text_may_be_empty()
        => Expect.Valid(Valid.With(Valid.Picture(), m => m.Text = ""));

    [Fact]
    public void Video_duration_is_optional()
        => Expect.Valid(Valid.With(Valid.Video(), m => m.Duration = null));
}
