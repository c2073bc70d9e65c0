using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Viber.Api.Callbacks;
using Viber.Api.Requests;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Serialization;

/// <summary>ViberJson.Options is the one public way to the library's JSON settings, shared by everything that reads Viber JSON.</summary>
public sealed class PublicJsonOptionsTests
{
    [Fact]
    public void The_options_cannot_be_changed_by_a_caller()
    {
        Assert.True(ViberJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ViberJson.Options.PropertyNameCaseInsensitive = true);
    }

    [Fact]
    public void The_options_resolve_api_types_without_reflection_and_write_as_the_library_does()
    {
        var typeInfo = (JsonTypeInfo<UserDetails>)ViberJson.Options.GetTypeInfo(typeof(UserDetails));

        var json = JsonSerializer.SerializeToUtf8Bytes(new UserDetails { Id = "u1", Name = "Олена" }, typeInfo);

        Assert.Equal("""{"id":"u1","name":"Олена"}""", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void A_copy_of_the_options_reads_callbacks_the_same_way()
    {
        var copy = new JsonSerializerOptions(ViberJson.Options);
        var body = """{"event":"seen","timestamp":1457764197627,"message_token":4912661846655238145,"user_id":"01234567890A="}"""u8;

        var callback = JsonSerializer.Deserialize(body, (JsonTypeInfo<ViberCallback>)copy.GetTypeInfo(typeof(ViberCallback)));

        Assert.IsType<SeenCallback>(callback);
    }
}
