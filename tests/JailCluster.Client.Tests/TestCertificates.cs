namespace JailCluster.Client.Tests;

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

/// <summary>A private certificate authority and the member certificates it issues, made on the spot.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly RSA key = RSA.Create(2048);

    public TestCertificates(string name)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>The authority's own certificate.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>A certificate for a member of the cluster, with its private key, issued by the authority.</summary>
    public X509Certificate2 Issue(string name)
    {
        using var memberKey = RSA.Create(2048);
        var request = new CertificateRequest(
            $"CN={name}", memberKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(Authority, now.AddDays(-1), now.AddDays(29), serial);
        return issued.CopyWithPrivateKey(memberKey);
    }

    /// <summary>Writes <paramref name="certificate"/> with its key as a PKCS#12 file.</summary>
    public static string WritePfx(X509Certificate2 certificate, string path, string password)
    {
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// <summary>Writes the authority's certificate as PEM.</summary>
    public string WriteAuthorityPem(string path)
    {
        File.WriteAllText(path, Authority.ExportCertificatePem());
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Authority.Dispose();
        key.Dispose();
    }
}
