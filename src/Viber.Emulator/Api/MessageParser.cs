using System.Globalization;
using System.Text.Json;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Validation;
using Viber.Emulator.Api.Rules;
using Viber.Emulator.Users;

namespace Viber.Emulator.Api;

/// <summary>The checks shared by send_message, broadcast_message and welcome messages in a response body.</summary>
internal static class MessageParser
{
    /// <summary>Checks Viber's 30 KB limit on the raw request bytes.</summary>
    public static ApiResult? CheckSize(int byteCount)
        => byteCount > ViberMessageValidator.MaxRequestBytes
            ? ApiResult.Error(ViberStatus.BadData, string.Create(CultureInfo.InvariantCulture, $"the request is {byteCount} bytes; Viber accepts at most {ViberMessageValidator.MaxRequestBytes} (30 KB)"))
            : null;

    /// <summary>Reads the message and applies <see cref="ServerMessageRules"/>.</summary>
    public static ApiResult? Parse(JsonElement root, out ViberMessage message)
    {
        try
        {
            message = root.Deserialize(ViberJson.Context.ViberMessage)!;
        }
        catch (JsonException exception)
        {
            // A field of the wrong JSON type: Viber calls that bad data.
            message = null!;
            return ApiResult.Error(ViberStatus.BadData, exception.Message);
        }

        var broken = ServerMessageRules.FindBroken(message, root);
        return broken is null ? null : ApiResult.Error(broken.Status, broken.Describe());
    }

    /// <summary>Checks the message's <c>min_api_version</c> against what the user's devices support.</summary>
    public static ApiResult? CheckApiVersion(ViberMessage message, UserState user)
        => message.MinApiVersion > user.Profile.ApiVersion
            ? ApiResult.Error(ViberStatus.ApiVersionNotSupported, string.Create(CultureInfo.InvariantCulture, $"min_api_version {message.MinApiVersion} is above the user's API version {user.Profile.ApiVersion}"))
            : null;
}
