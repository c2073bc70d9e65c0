using System.Globalization;
using Viber.Api;
using Viber.Emulator.Callbacks;
using Viber.Emulator.ChatPage.Views;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;

namespace Viber.Emulator.ChatPage;

/// <summary>Turns the emulator's events into what the page's live stream sends: a one-line summary and the raw detail.</summary>
internal static class PageEvents
{
    public const string Api = "api";
    public const string Callback = "callback";
    public const string Error = "error";
    public const string Message = "message";
    public const string MessageState = "message-state";
    public const string User = "user";
    public const string Webhook = "webhook";

    public static PageEvent From(EmulatorEvent e) => e switch
    {
        ApiCallEvent call => ApiCall(call),
        CallbackAttemptEvent attempt => Attempt(attempt),
        CallbackRetryScheduledEvent retry => Make(retry, Callback, Invariant($"{retry.EventType}{Token(retry.MessageToken)} will be posted again in {retry.Delay.TotalSeconds:0.#} s (attempt {retry.NextAttempt})"), retry.UserId, ok: null),
        CallbackSkippedEvent skipped => Make(skipped, Callback, $"{skipped.EventType}{Token(skipped.MessageToken)} not posted: {SkipReason(skipped.Reason)}", skipped.UserId, ok: skipped.Reason == CallbackOutcome.FilteredOut ? null : false),
        WelcomeMessageRejectedEvent rejected => Make(
            rejected, Callback, Invariant($"welcome message in the conversation_started answer dropped: status {(int)rejected.Status} {rejected.Status}: {rejected.Reason}"), rejected.UserId, ok: false)
            with { Detail = JsonText.Indent(rejected.Body) },
        ChatMessageEvent chat => Make(chat, Message, Invariant($"{(chat.Message.Direction == ChatDirection.BotToUser ? "bot → user" : "user → bot")}: {chat.Message.Message.Type ?? "keyboard"} #{chat.Message.MessageToken}"), chat.UserId, ok: null),
        MessageStateChangedEvent state => Make(state, MessageState, Invariant($"#{state.MessageToken} {PageViews.Status(state.State)}{(state.FailureReason is null ? string.Empty : ": " + state.FailureReason)}"), state.UserId, ok: state.State != DeliveryState.Failed),
        UserChangedEvent changed => Make(changed, User, $"user {changed.UserId} {changed.Change}", changed.UserId, ok: null) with { RefreshUsers = true },
        WebhookChangedEvent webhook => Make(webhook, Webhook, webhook.Url is null ? "webhook removed" : "webhook set to " + webhook.Url, userId: null, ok: null) with { RefreshUsers = true },
        EmulatorErrorEvent failure => Make(failure, Error, $"emulator error in {failure.Operation}: {failure.Exception.Message}", userId: null, ok: false) with { Detail = failure.Exception.ToString() },
        _ => Make(e, e.GetType().Name, e.ToString(), userId: null, ok: null),
    };

    private static PageEvent ApiCall(ApiCallEvent call)
    {
        var ok = call.HttpStatus == 200 && call.Status == ViberStatus.Ok;
        // Viber's status_message names the status itself ("receiverNotSubscribed: ..."); the enum name stands in without one.
        var answer = call.Status is { } status
            ? Invariant($"status {(int)status}") + (string.IsNullOrEmpty(call.StatusMessage) ? " " + status : ": " + call.StatusMessage)
            : Invariant($"HTTP {call.HttpStatus}");
        var detail = Invariant($"{call.HttpMethod} {call.Method}\n{JsonText.Indent(call.RequestBody)}\n\n← HTTP {call.HttpStatus}\n{JsonText.Indent(call.ResponseBody)}");
        return Make(call, Api, call.Method + " → " + answer, call.UserId, ok) with { Detail = detail };
    }

    private static PageEvent Attempt(CallbackAttemptEvent attempt)
    {
        var answer = attempt.HttpStatus is { } status ? Invariant($"HTTP {status}") : "no answer: " + attempt.Error;
        var retry = attempt.Attempt > 1 ? Invariant($" (attempt {attempt.Attempt})") : string.Empty;
        var detail = Invariant($"POST {attempt.Url}\nX-Viber-Content-Signature: {attempt.Signature}\n{JsonText.Indent(attempt.RequestBody)}\n\n← {answer}\n{JsonText.Indent(attempt.ResponseBody)}");
        return Make(attempt, Callback, $"{attempt.EventType}{Token(attempt.MessageToken)} → {answer}{retry}", attempt.UserId, attempt.Succeeded) with { Detail = detail };
    }

    private static PageEvent Make(EmulatorEvent e, string kind, string summary, string? userId, bool? ok) => new()
    {
        Seq = e.Sequence,
        Time = e.Time,
        Kind = kind,
        Summary = summary,
        Ok = ok,
        UserId = userId,
    };

    private static string SkipReason(CallbackOutcome reason) => reason switch
    {
        CallbackOutcome.NoWebhook => "the bot has not set a webhook",
        CallbackOutcome.FilteredOut => "the bot left this event out of set_webhook's event_types",
        _ => reason.ToString(),
    };

    private static string Token(long? token) => token is { } value ? Invariant($" #{value}") : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
