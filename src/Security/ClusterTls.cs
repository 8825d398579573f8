namespace JailCluster.Security;

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

/// <summary>
/// The certificates of <see cref="ClusterTlsOptions"/>, loaded and checked once, and the rule by which a peer is
/// trusted: its certificate chains to the cluster's authority, or is the cluster's shared certificate.
/// </summary>
public sealed class ClusterTls : IDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly X509Certificate2? authority;

    private ClusterTls(X509Certificate2 certificate, X509Certificate2? authority)
    {
        this.certificate = certificate;
        this.authority = authority;
    }

    /// <summary>This member's certificate.</summary>
    public X509Certificate2 Certificate => certificate;

    /// <summary>
    /// Loads the files that <paramref name="options"/> names; the failures name the setting and say what is wrong
    /// with it. Returns null with no failure when TLS is off.
    /// </summary>
    public static ClusterTls? Load(ClusterTlsOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.CaFile))
            {
                failures.Add("Tls:CaFile is set but Tls:CertificateFile is not");
            }

            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(
                options.CertificateFile!, options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            failures.Add($"Tls:CertificateFile '{options.CertificateFile}' cannot be loaded: {FirstLine(e.Message)}");
            return null;
        }

        if (!certificate.HasPrivateKey)
        {
            failures.Add($"Tls:CertificateFile '{options.CertificateFile}' holds no private key");
            certificate.Dispose();
            return null;
        }

        X509Certificate2? authority = null;
        if (!string.IsNullOrWhiteSpace(options.CaFile))
        {
            try
            {
                authority = X509CertificateLoader.LoadCertificateFromFile(options.CaFile);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                failures.Add($"Tls:CaFile '{options.CaFile}' cannot be loaded: {FirstLine(e.Message)}");
                certificate.Dispose();
                return null;
            }
        }

        return new ClusterTls(certificate, authority);
    }

    /// <summary>True when <paramref name="remote"/> belongs to a member of this cluster.</summary>
    public bool Trusts(X509Certificate2? remote)
    {
        if (remote is null)
        {
            return false;
        }

        if (authority is null)
        {
            return remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
        }

        // Names are not checked: members reach each other by address, and membership in the cluster is what the
        // authority's signature says.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    /// <summary>Requires and checks a certificate on every connection of a silo, both ways.</summary>
    public void Apply(ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseTls(certificate, Configure);
    }

    /// <summary>Presents the certificate to the gateways and checks theirs.</summary>
    public void Apply(IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseTls(certificate, Configure);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        certificate.Dispose();
        authority?.Dispose();
    }

    private void Configure(TlsOptions tls)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0 && Trusts(remote);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
