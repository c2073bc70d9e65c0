using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Viber.Api;
using Viber.Emulator.Hosting;

namespace Viber.Emulator.Tests.Callbacks;

/// <summary>
/// <see cref="ViberEmulator.TrustCallbackCertificate"/>: set_webhook's check callback reaches an HTTPS webhook whose
/// self-signed certificate the machine does not trust only once the emulator is told to trust it.
/// </summary>
public sealed class CallbackCertificateTrustTests
{
    [Fact]
    public async Task An_untrusted_certificate_fails_the_webhook_check_with_invalidUrl()
    {
        using var certificate = CreateCertificate();
        await using var webhook = await StartHttpsWebhookAsync(certificate);
        await using var emulator = new ViberEmulator();

        var status = await SetWebhookAsync(emulator, webhook.Urls.First() + "/hook");

        Assert.Equal((int)ViberStatus.InvalidUrl, status);
        var attempt = Assert.Single(emulator.CallbackAttempts);
        Assert.Null(attempt.HttpStatus);
        Assert.Contains("SSL", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_certificate_lets_the_webhook_check_through()
    {
        using var certificate = CreateCertificate();
        await using var webhook = await StartHttpsWebhookAsync(certificate);
        await using var emulator = new ViberEmulator();
        using var publicPart = X509CertificateLoader.LoadCertificate(certificate.RawData);
        emulator.TrustCallbackCertificate(publicPart);

        var status = await SetWebhookAsync(emulator, webhook.Urls.First() + "/hook");

        Assert.Equal((int)ViberStatus.Ok, status);
        Assert.Equal(200, Assert.Single(emulator.CallbackAttempts).HttpStatus);
    }

    [Fact]
    public async Task Trust_does_not_extend_to_a_name_the_certificate_does_not_carry()
    {
        // The certificate names 127.0.0.1; "localhost" reaches the same server but is not in it.
        using var certificate = CreateCertificate();
        await using var webhook = await StartHttpsWebhookAsync(certificate);
        await using var emulator = new ViberEmulator();
        emulator.TrustCallbackCertificate(X509CertificateLoader.LoadCertificate(certificate.RawData));
        var port = new Uri(webhook.Urls.First()).Port;

        var status = await SetWebhookAsync(emulator, $"https://localhost:{port}/hook");

        Assert.Equal((int)ViberStatus.InvalidUrl, status);
        Assert.Contains("SSL", Assert.Single(emulator.CallbackAttempts).Error, StringComparison.Ordinal);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private static async Task<WebApplication> StartHttpsWebhookAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapPost("/hook", () => Results.Ok());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<int> SetWebhookAsync(ViberEmulator emulator, string url)
    {
        using var api = new HttpClient(emulator.CreateApiHandler()) { BaseAddress = new Uri(ViberEmulatorDefaults.InProcessApiBaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "set_webhook")
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ViberApiMethods.AuthTokenHeader, emulator.AuthToken);
        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return answer.RootElement.GetProperty("status").GetInt32();
    }
}
