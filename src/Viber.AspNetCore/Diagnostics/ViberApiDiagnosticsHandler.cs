using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Viber.Api;

namespace Viber.AspNetCore.Diagnostics;

/// <summary>
/// Sits in the typed client's HTTP pipeline and records every Bot API attempt (the client's own retries included):
/// the <see cref="ViberDiagnostics.ApiCalls"/> counter and <see cref="ViberDiagnostics.ApiCallDuration"/> histogram by
/// method and Viber status, a client activity and a Debug log. It reads the response's <c>status</c>, never a request
/// header, so the auth token cannot reach a metric, trace or log. It replaces IHttpClientFactory's request logging,
/// which is removed from this client because its structured state carries header values unredacted (only its
/// message text honours RedactLoggedHeaders), so a structured log sink at Trace level would store the token.
/// </summary>
internal sealed class ViberApiDiagnosticsHandler(ViberMetrics metrics, TimeProvider timeProvider, ILogger<ViberApiDiagnosticsHandler> logger) : DelegatingHandler
{
    private static readonly string[] KnownMethods =
    [
        ViberApiMethods.SetWebhook,
        ViberApiMethods.SendMessage,
        ViberApiMethods.BroadcastMessage,
        ViberApiMethods.GetAccountInfo,
        ViberApiMethods.GetUserDetails,
        ViberApiMethods.GetOnline,
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = MethodOf(request.RequestUri);
        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.ApiCallActivityName, ActivityKind.Client);
        activity?.SetTag(ViberDiagnostics.MethodTag, method);
        var started = timeProvider.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = await StatusOfAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            activity?.SetTag(ViberDiagnostics.StatusTag, status);
            if (status != "0")
            {
                activity?.SetStatus(ActivityStatusCode.Error, status);
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            metrics.ApiCall(method, status, elapsed);
            Log.ApiCall(logger, method, status, elapsed.TotalMilliseconds);
        }
    }

    private static string MethodOf(Uri? uri)
    {
        var segment = uri?.Segments is { Length: > 0 } segments ? segments[^1].TrimEnd('/') : string.Empty;

        // Only known names become tag values, keeping the tag's cardinality bounded.
        return Array.IndexOf(KnownMethods, segment) >= 0 ? segment : "other";
    }

    private static async Task<string> StatusOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        // Viber answers errors as HTTP 200 with a non-zero status. Buffering the small body lets the client read it again.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ReadStatus(body);
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
