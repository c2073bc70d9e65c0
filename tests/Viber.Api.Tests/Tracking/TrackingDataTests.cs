using System.Text;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Tracking;

namespace Viber.Api.Tests.Tracking;

public sealed class TrackingDataTests
{
    private static readonly OrderState Order = new("choose-size", 2, ["pizza", "піца 🍕"]);

    [Fact]
    public void State_set_on_a_message_comes_back_from_the_users_reply_on_the_wire()
    {
        var sent = new TextMessage { Receiver = "user-1", Text = "Which size?" }.WithTrackingData(Order, TrackingTestJsonContext.Default.OrderState);
        var sentJson = ViberJson.SerializeMessage(sent);

        // Viber returns the same tracking_data string with the user's reply.
        using var document = System.Text.Json.JsonDocument.Parse(sentJson);
        var trackingData = document.RootElement.GetProperty("tracking_data").GetString();
        var reply = ViberJson.DeserializeCallback(Encoding.UTF8.GetBytes(
            "{\"event\":\"message\",\"timestamp\":1457764197627,\"message_token\":4912661846655238145,\"sender\":{\"id\":\"user-1\"},"
            + "\"message\":{\"type\":\"text\",\"text\":\"Large\",\"tracking_data\":" + System.Text.Json.JsonSerializer.Serialize(trackingData, TrackingTestJsonContext.Default.String) + "}}"));

        var state = Assert.IsType<MessageCallback>(reply).GetTrackingData(TrackingTestJsonContext.Default.OrderState);

        Assert.NotNull(state);
        Assert.Equal(Order.Step, state.Step);
        Assert.Equal(Order.Quantity, state.Quantity);
        Assert.Equal(Order.Items, state.Items);
    }

    [Fact]
    public void WithTrackingData_returns_the_same_message_typed_for_chaining()
    {
        var message = new PictureMessage { Media = "https://example.com/a.png", Text = "" };

        PictureMessage returned = message.WithTrackingData(Order, TrackingTestJsonContext.Default.OrderState);

        Assert.Same(message, returned);
        Assert.StartsWith("{", message.TrackingData, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialized_state_of_exactly_the_limit_is_accepted()
    {
        // A JSON string is its text plus two quotes.
        var value = new string('a', ViberTrackingData.MaxLength - 2);

        var json = ViberTrackingData.Serialize(value, TrackingTestJsonContext.Default.String);

        Assert.Equal(4096, json.Length);
    }

    [Fact]
    public void Serialized_state_over_the_limit_is_refused_naming_the_limit_and_the_length()
    {
        var message = new TextMessage { Text = "hi" };
        var value = new string('a', ViberTrackingData.MaxLength - 1);

        var exception = Assert.Throws<ArgumentException>(() => message.WithTrackingData(value, TrackingTestJsonContext.Default.String));

        Assert.Contains("4097 characters", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4096", exception.Message, StringComparison.Ordinal);
        Assert.Contains("tracking_data", exception.Message, StringComparison.Ordinal);
        Assert.Equal("value", exception.ParamName);
        Assert.Null(message.TrackingData);
    }

    [Fact]
    public void The_limit_counts_the_escaped_json_not_the_state_text()
    {
        // The default encoder writes Cyrillic as \uXXXX: 1,000 letters become 6,002 characters.
        var value = new string('ж', 1000);

        var exception = Assert.Throws<ArgumentException>(() => ViberTrackingData.Serialize(value, TrackingTestJsonContext.Default.String));

        Assert.Contains("6002 characters", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Absent_tracking_data_reads_as_default(string? trackingData)
    {
        var callback = Viber.Tests.Shared.Callbacks.Message(new TextMessage { Text = "hi", TrackingData = trackingData });

        Assert.Null(callback.GetTrackingData(TrackingTestJsonContext.Default.OrderState));
        Assert.True(callback.TryGetTrackingData(TrackingTestJsonContext.Default.OrderState, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void A_callback_without_a_message_reads_as_default()
        => Assert.Null(new MessageCallback().GetTrackingData(TrackingTestJsonContext.Default.OrderState));

    [Theory]
    [InlineData("tracking data")]
    [InlineData("{\"Step\":")]
    [InlineData("{\"Step\":\"x\",\"Quantity\":\"many\"}")]
    public void Malformed_tracking_data_throws_a_clear_error_without_the_text_and_Try_returns_false(string trackingData)
    {
        var message = new TextMessage { Text = "hi", TrackingData = trackingData };

        var exception = Assert.Throws<ViberTrackingDataException>(() => message.GetTrackingData(TrackingTestJsonContext.Default.OrderState));

        Assert.Contains(nameof(OrderState), exception.Message, StringComparison.Ordinal);
        Assert.Contains(trackingData.Length + " characters", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(trackingData, exception.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(exception.InnerException, exactMatch: false);
        Assert.False(message.TryGetTrackingData(TrackingTestJsonContext.Default.OrderState, out var value));
        Assert.Null(value);
    }
}
