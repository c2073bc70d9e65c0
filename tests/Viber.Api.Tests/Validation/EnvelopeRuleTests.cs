using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

public sealed class EnvelopeRuleTests
{
    private static readonly Dictionary<string, Func<int, ViberMessage>> Limits = new()
    {
        ["sender.name max"] = n => Valid.With(Valid.Text(), m => m.Sender!.Name = Expect.Chars(n)),
        ["sender.name min"] = n => Valid.With(Valid.Text(), m => m.Sender!.Name = Expect.Chars(n)),
        ["tracking_data"] = n => Valid.With(Valid.Text(), m => m.TrackingData = Expect.Chars(n)),
        ["min_api_version"] = n => Valid.With(Valid.Text(), m => m.MinApiVersion = n),
    };

    private static readonly Dictionary<string, (Func<ViberMessage> Good, Func<ViberMessage> Bad)> Rules = new()
    {
        ["receiver required"] = (() => Valid.Text(), () => Valid.With(Valid.Text(), m => m.Receiver = "")),
        ["sender required"] = (() => Valid.Text(), () => Valid.With(Valid.Text(), m => m.Sender = null)),
        ["avatar scheme"] = (() => Valid.Text(), () => Valid.With(Valid.Text(), m => m.Sender!.Avatar = "ftp://example.com/a.png")),
        ["avatar relative"] = (() => Valid.With(Valid.Text(), m => m.Sender!.Avatar = null), () => Valid.With(Valid.Text(), m => m.Sender!.Avatar = "/a.png")),
        ["type unknown"] = (() => Valid.Text(), () => new UnknownMessage { Receiver = Valid.Receiver, Sender = Valid.Sender(), Type = "poll" }),
        ["type mismatched"] = (() => Valid.Text(), () => Valid.With(Valid.Text(), m => m.Type = MessageTypes.Picture)),
        ["keyboard-only needs a keyboard"] = (() => Valid.KeyboardOnly(new() { Buttons = [Valid.Button()] }), () => Valid.KeyboardOnly()),
        ["keyboard-only has no type"] = (() => Valid.KeyboardOnly(new() { Buttons = [Valid.Button()] }), () => Valid.With(Valid.KeyboardOnly(new() { Buttons = [Valid.Button()] }), m => m.Type = "text")),
    };

    [Theory]
    [InlineData("sender.name max", 28, 29, "sender.name", "28")]
    [InlineData("sender.name min", 1, 0, "sender.name", "required")]
    [InlineData("tracking_data", 4096, 4097, "tracking_data", "4096")]
    [InlineData("min_api_version", 1, 0, "min_api_version", "at least 1")]
    public void Limit_passes_at_the_limit_and_throws_past_it(string rule, int atLimit, int pastLimit, string field, string limit)
        => Expect.Limit(Limits[rule], atLimit, pastLimit, field, limit);

    [Theory]
    [InlineData("receiver required", "receiver", "required")]
    [InlineData("sender required", "sender", "default sender")]
    [InlineData("avatar scheme", "sender.avatar", "http or https")]
    [InlineData("avatar relative", "sender.avatar", "absolute")]
    [InlineData("type unknown", "type", "'poll'")]
    [InlineData("type mismatched", "type", "'text'")]
    [InlineData("keyboard-only needs a keyboard", "keyboard", "required")]
    [InlineData("keyboard-only has no type", "type", "unset")]
    public void Rule_accepts_the_good_message_and_rejects_the_bad_one(string rule, string field, string ruleText)
        => Expect.Rule(Rules[rule], field, ruleText);

    [Fact]
    public void Default_sender_is_used_when_the_message_has_none()
    {
        var message = Valid.With(Valid.Text(), m => m.Sender = null);

        ViberMessageValidator.Validate(message, ViberMessagePurpose.SendMessage, new ViberSender("Default"));
        var exception = Assert.Throws<ViberValidationException>(
            () => ViberMessageValidator.Validate(message, ViberMessagePurpose.SendMessage, new ViberSender(Expect.Chars(29))));

        Assert.Equal("sender.name", exception.Field);
    }

    [Theory]
    [InlineData((int)ViberMessagePurpose.Broadcast, "broadcast_list")]
    [InlineData((int)ViberMessagePurpose.WelcomeMessage, "welcome")]
    public void Receiver_must_be_unset_when_not_sending_to_one_user(int purposeValue, string ruleText)
    {
        // The purpose is internal, and a public test method cannot take an internal type.
        var purpose = (ViberMessagePurpose)purposeValue;
        Expect.Valid(Valid.With(Valid.Text(), m => m.Receiver = null), purpose);

        var exception = Expect.Invalid(Valid.Text(), "receiver", purpose);

        Assert.Contains(ruleText, exception.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_purpose_is_an_argument_error()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ViberMessageValidator.Validate(Valid.Text(), (ViberMessagePurpose)42));

    [Fact]
    public void Rule_texts_never_echo_string_field_values()
    {
        var secret = "s3cr3t-" + Expect.Chars(5000);
        var message = Valid.With(Valid.Text(), m => m.TrackingData = secret);

        var exception = Expect.Invalid(message, "tracking_data");

        Assert.DoesNotContain("s3cr3t", exception.Message, StringComparison.Ordinal);
        Assert.Contains("5007", exception.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_size_is_at_most_30_KB()
    {
        ViberMessageValidator.ValidateRequestSize(30 * 1024);

        var exception = Assert.Throws<ViberValidationException>(() => ViberMessageValidator.ValidateRequestSize((30 * 1024) + 1));

        Assert.Equal("(request)", exception.Field);
        Assert.Contains("30720", exception.Rule, StringComparison.Ordinal);
    }
}
