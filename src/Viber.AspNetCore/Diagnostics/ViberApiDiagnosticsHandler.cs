using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Viber.Api;
using Viber.Api.Client;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// Sits in the typed client's HTTP pipeline and records every Bot API attempt (the client's own retries included):
/// the <see cref="ViberDiagnostics.ApiCalls"/> counter and <see cref="ViberDiagnostics.ApiCallDuration"/> histogram by
/// method and Viber status, a client activity and a Debug log. The status is the response's <c>status</c>, never a
/// request header, so the auth token cannot reach a metric, trace or log: for <see cref="ViberBotClient"/>'s requests
/// the client reports the status from its own parse of the body (the call is recorded then, its duration including
/// the read); for any other caller the body is buffered and read here. It replaces IHttpClientFactory's request logging,
/// which is removed from this client because its structured state carries header values unredacted (only its
/// message text honours RedactLoggedHeaders), so a structured log sink at Trace level would store the token.
/// </summary>
internal sealed class ViberApiDiagnosticsHandler(ViberMetrics metrics, TimeProvider timeProvider, ILogger<ViberApiDiagnosticsHandler> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.ApiCallActivityName, ActivityKind.Client);
        if (activity is null && !metrics.ApiCallsObserved && !logger.IsEnabled(LogLevel.Debug))
        {
            // Nobody traces, counts or logs the calls: the request passes through with no async step of its own,
            // which every send would otherwise pay for (a state machine and a continuation per call).
            return base.SendAsync(request, cancellationToken);
        }

        // The client's requests name their method; the URI is parsed only for other callers of the named client.
        var method = request is ViberApiRequestMessage { ApiMethod: var apiMethod } ? apiMethod : MethodOf(request.RequestUri);
        activity?.SetTag(ViberDiagnostics.MethodTag, method);
        return RecordAsync(request, new ViberApiCallRecording(metrics, logger, timeProvider, activity, method), cancellationToken);
    }

    private async Task<HttpResponseMessage> RecordAsync(HttpRequestMessage request, ViberApiCallRecording recording, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            recording.Completed("error");
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            recording.Completed("http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
        else if (request is ViberApiRequestMessage clientRequest)
        {
            // ViberBotClient parses the body anyway and reports the status it read: the call is recorded then, once.
            clientRequest.Observer = recording;
        }
        else
        {
            recording.Completed(await StatusOfBufferedBodyAsync(response, cancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    private static string MethodOf(Uri? uri)
    {
        var segment = uri?.Segments is { Length: > 0 } segments ? segments[^1].TrimEnd('/') : string.Empty;

        // Only known names become tag values, keeping the tag's cardinality bounded.
        return Array.IndexOf(ViberApiMethods.All, segment) >= 0 ? segment : "other";
    }

    // Another caller of the named client (not ViberBotClient): Viber answers errors as HTTP 200 with a non-zero
    // status, so the small body is buffered, read here, and left for the caller to read again.
    private static async Task<string> StatusOfBufferedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ReadStatus(body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            // The caller meets the same failure when it reads the body; the metric records that the call failed.
            return "error";
        }
    }

    private static string ReadStatus(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "invalid_response";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatus = reader.ValueTextEquals("status"u8);
                reader.Read();
                if (isStatus && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var status))
                {
                    return status.ToString(CultureInfo.InvariantCulture);
                }

                reader.Skip();
            }

            return "invalid_response";
        }
        catch (JsonException)
        {
            // The client reports the bad body to its caller; the metric only needs to say it was not a status.
            return "invalid_response";
        }
    }
}
