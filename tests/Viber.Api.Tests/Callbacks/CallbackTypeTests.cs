using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;

namespace Viber.Api.Tests.Callbacks;

/// <summary>
/// What the rest of the library needs per callback type comes from the callback itself, so nothing outside the
/// callback classes and the converter lists the callback types: its concrete type for dispatch, and its user.
/// </summary>
public sealed class CallbackTypeTests
{
    private static readonly Type[] CallbackTypes =
        [.. typeof(ViberCallback).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ViberCallback)))];

    public static TheoryData<string> CallbackTypeNames => new(CallbackTypes.Select(t => t.Name));

    public static TheoryData<string> CallbackFixtures => new(Fixtures.Names("callback_"));

    [Theory]
    [MemberData(nameof(CallbackTypeNames))]
    public void Accept_visits_with_the_concrete_type(string typeName)
    {
        var type = CallbackTypes.Single(t => t.Name == typeName);
        var callback = (ViberCallback)Activator.CreateInstance(type)!;

        Assert.Equal(type, callback.Accept(new StaticTypeVisitor()));
    }

    [Theory]
    [MemberData(nameof(CallbackFixtures))]
    public void GetUserId_finds_the_user_wherever_the_event_puts_it(string fixture)
    {
        var json = Fixtures.Read(fixture);
        var root = JsonDocument.Parse(json).RootElement;
        var expected = root.TryGetProperty("user_id", out var userId) ? userId.GetString()
            : root.TryGetProperty("user", out var user) ? user.GetProperty("id").GetString()
            : root.TryGetProperty("sender", out var sender) ? sender.GetProperty("id").GetString()
            : null;

        Assert.Equal(expected, ViberJson.DeserializeCallback(json).GetUserId());
    }

    [Fact]
    public void An_unknown_event_names_no_user()
        => Assert.Null(ViberJson.DeserializeCallback("""{"event":"typing","user_id":"u"}"""u8).GetUserId());
}
