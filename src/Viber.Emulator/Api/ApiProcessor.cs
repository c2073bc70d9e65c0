using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>
/// The fake Bot API: finds the method, checks the auth token, answers, and records the call on the event feed.
/// Free of HttpContext so every transport (endpoint, in-process handler) shares it.
/// </summary>
internal sealed class ApiProcessor
{
    private readonly EventFeed _feed;
    private readonly ILogger _logger;
    private readonly byte[] _token;
    private readonly Dictionary<string, IApiMethod> _methods;

    public ApiProcessor(EmulatorState state, EventFeed feed, ConversationEngine conversations, CallbackFactory callbacks, CallbackSender sender, ILogger logger)
    {
        _feed = feed;
        _logger = logger;
        _token = Encoding.UTF8.GetBytes(state.AuthToken);
        IApiMethod[] methods =
        [
            new SetWebhookMethod(state, feed, callbacks, sender),
            new SendMessageMethod(state, conversations),
            new BroadcastMessageMethod(state, conversations),
            new GetAccountInfoMethod(state),
            new GetUserDetailsMethod(state),
            new GetOnlineMethod(state),
        ];
        _methods = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public async Task<ApiResponse> ProcessAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (!_methods.TryGetValue(request.Method, out var method))
        {
            // Viber documents "HTTP 404: requesting an invalid URL" for unknown methods.
            return Record(request, new ApiResponse(404, []), result: null);
        }

        var isPost = HttpMethods.IsPost(request.HttpMethod);
        if (!isPost && !(method.AllowsGet && HttpMethods.IsGet(request.HttpMethod)))
        {
            return Record(request, new ApiResponse(405, []), result: null);
        }

        var result = Authenticate(request.AuthToken) ?? await method.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        return Record(request, new ApiResponse(200, result.Json), result);
    }

    private ApiResult? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return ApiResult.MissingAuthToken;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token)
            ? null
            : ApiResult.Error(Viber.Api.ViberStatus.InvalidAuthToken, "the auth token is not this bot's");
    }

    private ApiResponse Record(ApiRequest request, ApiResponse response, ApiResult? result)
    {
        Log.ApiCall(_logger, request.Method, (int?)result?.Status, result?.StatusMessage);
        _feed.Publish(new ApiCallEvent
        {
            Method = request.Method,
            HttpMethod = request.HttpMethod,
            RequestBody = Encoding.UTF8.GetString(request.Body.Span),
            HttpStatus = response.HttpStatus,
            Status = result?.Status,
            StatusMessage = result?.StatusMessage,
            ResponseBody = Encoding.UTF8.GetString(response.Body),
            UserId = result?.UserId,
        });
        return response;
    }
}
