using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Serialization;

/// <summary>A guard for AOT: every public callback, message and API type has source-generated metadata.</summary>
public sealed class JsonContextCoverageTests
{
    public static TheoryData<string> ContractTypes => new(
        typeof(ViberCallback).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && (t.IsSubclassOf(typeof(ViberCallback)) || t.IsSubclassOf(typeof(ViberMessage)) || t.IsSubclassOf(typeof(ViberResponse))
                    || t.Name.EndsWith("Request", StringComparison.Ordinal)))
            .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void The_context_has_metadata_for(string typeName)
    {
        var type = typeof(ViberCallback).Assembly.GetType(typeName)!;

        var info = ViberJson.Context.GetTypeInfo(type);

        Assert.NotNull(info);
        Assert.Equal(type, info.Type);
    }

    [Fact]
    public void The_converters_know_every_callback_and_message_type()
    {
        foreach (var type in typeof(ViberCallback).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ViberCallback)) && t != typeof(UnknownCallback)))
        {
            var callback = (ViberCallback)Activator.CreateInstance(type)!;
            Assert.IsType(type, ViberJson.DeserializeCallback(ViberJson.SerializeCallback(callback)));
        }

        foreach (var type in typeof(ViberMessage).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ViberMessage)) && t != typeof(UnknownMessage)))
        {
            var message = (ViberMessage)Activator.CreateInstance(type)!;
            if (message is KeyboardMessage keyboardOnly)
            {
                keyboardOnly.Keyboard = new Viber.Api.Keyboards.Keyboard();
            }

            Assert.IsType(type, ViberJson.DeserializeMessage(ViberJson.SerializeMessage(message)));
        }

        Assert.NotNull(JsonSerializer.Serialize(new GetOnlineRequest(), ViberJson.Context.GetOnlineRequest));
    }
}
