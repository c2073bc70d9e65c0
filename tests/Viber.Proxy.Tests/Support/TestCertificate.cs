using System.Security.Cryptography.X509Certificates;

namespace Viber.Proxy.Tests.Support;

/// <summary>A self-signed certificate for localhost and 127.0.0.1, made with openssl at test time (valid one day).</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string certificatePath, string keyPath)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        Certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
    }

    /// <summary>Gets the PEM certificate's path.</summary>
    public string CertificatePath { get; }

    /// <summary>Gets the PEM private key's path.</summary>
    public string KeyPath { get; }

    /// <summary>Gets the certificate (no private key), to trust in clients.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Makes a certificate in <paramref name="directory"/>.</summary>
    public static async Task<TestCertificate> CreateAsync(string directory, CancellationToken cancellationToken)
    {
        var certificate = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        await ToolProcess.RunAsync(
            ExternalTool.OpenSsl.Path!,
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            directory,
            cancellationToken);
        return new TestCertificate(certificate, key);
    }

    public void Dispose() => Certificate.Dispose();
}
