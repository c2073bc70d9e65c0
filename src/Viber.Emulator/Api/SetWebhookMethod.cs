using System.Globalization;
using System.Text.Json;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Api.Validation;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Events;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>
/// set_webhook: checks the URL, posts the signed <c>webhook</c> callback and answers 1 invalidUrl unless it gets
/// HTTP 200; an empty URL removes the webhook. Stores <c>event_types</c>, <c>send_name</c> and <c>send_photo</c>.
/// </summary>
internal sealed class SetWebhookMethod(EmulatorState state, EventFeed feed, CallbackFactory callbacks, CallbackSender sender) : IApiMethod
{
    public string Name => ViberApiMethods.SetWebhook;

    public bool AllowsGet => false;

    public async Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (!ApiJson.TryParseObject(request.Body, out var root))
        {
            return ApiResult.NotJson;
        }

        if (!root.TryGetProperty("url", out var url) || url.ValueKind == JsonValueKind.Null)
        {
            return ApiResult.Error(ViberStatus.MissingData, "url is required (an empty string removes the webhook)");
        }

        SetWebhookRequest parsed;
        try
        {
            parsed = root.Deserialize(ViberJson.Context.SetWebhookRequest)!;
        }
        catch (JsonException exception)
        {
            return ApiResult.Error(ViberStatus.BadData, exception.Message);
        }

        if (parsed.Url.Length == 0)
        {
            lock (state.Gate)
            {
                state.Account.Webhook = null;
                state.Account.EventTypes = null;
                feed.Publish(new WebhookChangedEvent());
            }

            return ApiResult.Ok(new SetWebhookResponse(), ViberJson.Context.SetWebhookResponse);
        }

        if (!HttpUrl.TryParse(parsed.Url, out var webhook) || !(webhook.Scheme == Uri.UriSchemeHttps || webhook.IsLoopback))
        {
            // Viber requires HTTPS with a trusted certificate; the emulator also accepts plain HTTP on loopback.
            return ApiResult.Error(ViberStatus.InvalidUrl, "url must be an absolute https URL (http is accepted for loopback addresses only)");
        }

        List<string>? eventTypes = null;
        if (parsed.EventTypes is { } requested)
        {
            eventTypes = [.. requested.Select(e => e.Value).Distinct(StringComparer.Ordinal)];
            if (eventTypes.FirstOrDefault(e => !EventTypePolicy.IsSettable(e)) is { } unknown)
            {
                return ApiResult.Error(ViberStatus.BadData, $"event_types contains '{unknown}'; allowed: {string.Join(", ", EventTypePolicy.Mandatory.Concat(EventTypePolicy.Filterable))}");
            }
        }

        WebhookCallback check;
        lock (state.Gate)
        {
            check = callbacks.Webhook();
        }

        var result = await sender.PostAsync(webhook, check, userId: null, retry: false, cancellationToken).ConfigureAwait(false);
        if (!result.IsDelivered)
        {
            var answer = result.HttpStatus is { } status ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}") : result.Error;
            return ApiResult.Error(ViberStatus.InvalidUrl, $"the webhook answered the availability check with {answer}; Viber needs HTTP 200");
        }

        lock (state.Gate)
        {
            var account = state.Account;
            account.Webhook = webhook;
            account.EventTypes = eventTypes;

            // Without the flags Viber sends placeholders, so a bot that needs names must ask for them explicitly.
            account.SendName = parsed.SendName ?? false;
            account.SendPhoto = parsed.SendPhoto ?? false;
            feed.Publish(new WebhookChangedEvent { Url = webhook, EventTypes = eventTypes, SendName = account.SendName, SendPhoto = account.SendPhoto });
        }

        var reported = eventTypes ?? [.. EventTypePolicy.ReportedWhenOmitted];
        return ApiResult.Ok(new SetWebhookResponse { EventTypes = [.. reported.Select(ViberEventType.FromString)] }, ViberJson.Context.SetWebhookResponse);
    }
}
