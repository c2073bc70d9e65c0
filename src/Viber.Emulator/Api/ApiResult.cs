using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;

namespace Viber.Emulator.Api;

/// <summary>A Viber answer to an API call: the status and the serialized JSON body.</summary>
internal sealed record ApiResult(ViberStatus Status, string StatusMessage, byte[] Json)
{
    /// <summary>Viber's <c>chat_hostname</c> is internal; the emulator names itself.</summary>
    public const string ChatHostname = "SN-EMULATOR_";

    /// <summary>Gets the user the call was about, for the event feed.</summary>
    public string? UserId { get; init; }

    public static ApiResult MissingAuthToken { get; } = Error(ViberStatus.InvalidAuthToken, detail: null, statusMessage: "missing_auth_token");

    public static ApiResult NotJson { get; } = Error(ViberStatus.BadData, "the body is not a JSON object");

    /// <summary>An error answer; the status message starts with Viber's name for the status, then says what is wrong.</summary>
    public static ApiResult Error(ViberStatus status, string? detail, string? statusMessage = null)
    {
        var message = statusMessage ?? (detail is null ? Name(status) : $"{Name(status)}: {detail}");
        var response = new ViberResponse { Status = status, StatusMessage = message, ChatHostname = ChatHostname };
        return new ApiResult(status, message, JsonSerializer.SerializeToUtf8Bytes(response, ViberJson.Context.ViberResponse));
    }

    public static ApiResult Ok<T>(T response, JsonTypeInfo<T> typeInfo)
        where T : ViberResponse
    {
        response.Status = ViberStatus.Ok;
        response.StatusMessage = "ok";
        response.ChatHostname = ChatHostname;
        return new ApiResult(ViberStatus.Ok, "ok", JsonSerializer.SerializeToUtf8Bytes(response, typeInfo));
    }

    /// <summary>Viber's name for a status: <c>badData</c>, <c>receiverNotSubscribed</c>, ...</summary>
    public static string Name(ViberStatus status)
        => status.IsDocumented() ? JsonNamingPolicy.CamelCase.ConvertName(status.ToString()) : "generalError";
}
