namespace JailCluster.Security;

/// <summary>
/// Mutual TLS between the silos of a cluster and between jailctl and the gateways. Bound from the <c>Tls</c>
/// section of configuration (<c>JAILCLUSTER_Tls__CertificateFile</c> and so on in the environment, for the silo and
/// for jailctl alike). Off unless <see cref="CertificateFile"/> is set.
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Tls";

    /// <summary>
    /// A PKCS#12 file (.pfx) holding this member's certificate and its private key. Default: none, which leaves
    /// every connection in clear text, as is right on loopback.
    /// </summary>
    public string? CertificateFile { get; set; }

    /// <summary>The password of <see cref="CertificateFile"/>. Default: none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// A PEM file with the certificate of the authority that issued every member's certificate; a peer is trusted
    /// when its certificate chains to it. Default: none, in which case a peer must present the very certificate of
    /// <see cref="CertificateFile"/> (one certificate shared by the whole cluster).
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>True when TLS is asked for.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificateFile);
}
