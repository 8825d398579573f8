namespace JailCluster.Client.Tests;

using System.Security.Cryptography.X509Certificates;
using JailCluster.Security;

public sealed class ClusterTlsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("jailcluster-tls-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void PeerIsTrustedWhenItsCertificateChainsToTheClusterAuthority()
    {
        using var cluster = new TestCertificates("cluster CA");
        using var other = new TestCertificates("someone else's CA");
        using var mine = cluster.Issue("silo0");
        using var peer = cluster.Issue("silo1");
        using var stranger = other.Issue("silo1");
        using var tls = Load(new ClusterTlsOptions
        {
            CertificateFile = TestCertificates.WritePfx(mine, Path.Combine(directory, "silo0.pfx"), "pw"),
            CertificatePassword = "pw",
            CaFile = cluster.WriteAuthorityPem(Path.Combine(directory, "ca.pem")),
        });

        Assert.True(tls.Trusts(Public(peer)));
        Assert.False(tls.Trusts(Public(stranger)));
        Assert.False(tls.Trusts(Public(other.Authority)));
        Assert.False(tls.Trusts(null));
    }

    [Fact]
    public void WithoutAnAuthorityOnlyTheSharedCertificateIsTrusted()
    {
        using var cluster = new TestCertificates("cluster CA");
        using var shared = cluster.Issue("jailcluster");
        using var sibling = cluster.Issue("jailcluster");
        using var tls = Load(new ClusterTlsOptions
        {
            CertificateFile = TestCertificates.WritePfx(shared, Path.Combine(directory, "shared.pfx"), "pw"),
            CertificatePassword = "pw",
        });

        Assert.True(tls.Trusts(Public(shared)));
        Assert.False(tls.Trusts(Public(sibling)));
    }

    [Fact]
    public void TlsIsOffWithoutACertificateFile()
    {
        var failures = new List<string>();
        Assert.Null(ClusterTls.Load(new ClusterTlsOptions(), failures));
        Assert.Empty(failures);
    }

    [Fact]
    public void UnusableFilesAreRefusedNamingTheSetting()
    {
        using var cluster = new TestCertificates("cluster CA");
        using var member = cluster.Issue("silo0");
        var wrongPassword = TestCertificates.WritePfx(member, Path.Combine(directory, "s.pfx"), "pw");
        var publicOnly = Path.Combine(directory, "public.pfx");
        File.WriteAllBytes(publicOnly, Public(cluster.Authority).Export(X509ContentType.Pfx));
        var missing = Path.Combine(directory, "missing.pfx");

        Assert.StartsWith($"Tls:CertificateFile '{missing}' cannot be loaded: ",
            Failure(new ClusterTlsOptions { CertificateFile = missing }), StringComparison.Ordinal);
        Assert.StartsWith($"Tls:CertificateFile '{wrongPassword}' cannot be loaded: ",
            Failure(new ClusterTlsOptions { CertificateFile = wrongPassword, CertificatePassword = "nope" }),
            StringComparison.Ordinal);
        Assert.Equal($"Tls:CertificateFile '{publicOnly}' holds no private key",
            Failure(new ClusterTlsOptions { CertificateFile = publicOnly }));
        Assert.Equal("Tls:CaFile is set but Tls:CertificateFile is not",
            Failure(new ClusterTlsOptions { CaFile = Path.Combine(directory, "ca.pem") }));
        Assert.StartsWith($"Tls:CaFile '{missing}' cannot be loaded: ",
            Failure(new ClusterTlsOptions
            {
                CertificateFile = wrongPassword, CertificatePassword = "pw", CaFile = missing,
            }),
            StringComparison.Ordinal);
    }

    private static ClusterTls Load(ClusterTlsOptions options)
    {
        var failures = new List<string>();
        var tls = ClusterTls.Load(options, failures);
        Assert.Empty(failures);
        return Assert.IsType<ClusterTls>(tls);
    }

    private static string Failure(ClusterTlsOptions options)
    {
        var failures = new List<string>();
        Assert.Null(ClusterTls.Load(options, failures));
        return Assert.Single(failures);
    }

    private static X509Certificate2 Public(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.RawData);
}
