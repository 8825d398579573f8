namespace JailCluster.EndToEnd.Tests;

using JailCluster.Client.Tests;

/// <summary>
/// A cluster whose silos and jailctl all present certificates of one authority: it works for them, and nobody
/// without such a certificate gets in.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TlsTests
{
    [Fact]
    public async Task ClusterOnMutualTlsServesMembersAndRefusesEveryoneElse()
    {
        var home = TestHomes.Create("tls");
        using var authority = new TestCertificates("JailCluster test CA");
        using var member = authority.Issue("jailcluster-member");
        using var strangers = new TestCertificates("another CA");
        using var stranger = strangers.Issue("jailcluster-member");
        var tls = new Dictionary<string, string>
        {
            ["JAILCLUSTER_Tls__CertificateFile"] =
                TestCertificates.WritePfx(member, Path.Combine(home, "m.pfx"), "pw"),
            ["JAILCLUSTER_Tls__CertificatePassword"] = "pw",
            ["JAILCLUSTER_Tls__CaFile"] = authority.WriteAuthorityPem(Path.Combine(home, "ca.pem")),
        };
        var untrusted = new Dictionary<string, string>(tls)
        {
            ["JAILCLUSTER_Tls__CertificateFile"] =
                TestCertificates.WritePfx(stranger, Path.Combine(home, "s.pfx"), "pw"),
        };
        Task<JailctlResult> Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
            Jailctl.Start(home, args, onError: null, environment).WaitAsync(TimeSpan.FromMinutes(3));

        try
        {
            // The silos inherit jailctl's environment: two of them must talk TLS to each other to form a cluster.
            Expect.Success(await Run(tls, "cluster", "up", "--silos", "2"));
            Expect.Success(await Run(tls, "host", "boot", "tls0", "--kernel", "D56374"));
            var created = Expect.Success(await Run(tls, "-H", "tls0", "ifconfig", "epair", "create"));
            Assert.Equal("epair0a\n", created.Stdout);

            var plain = Expect.OneLineError(await Run(null, "cluster", "status"), 69);
            Assert.StartsWith("jailctl: cannot reach the cluster at ", plain, StringComparison.Ordinal);
            var refused = Expect.OneLineError(await Run(untrusted, "-H", "tls0", "ifconfig", "epair", "create"), 69);
            Assert.StartsWith("jailctl: cannot reach the cluster at ", refused, StringComparison.Ordinal);

            // Nothing the refused client asked for reached the host.
            var list = Expect.Success(await Run(tls, "-H", "tls0", "ifconfig", "-l"));
            Assert.Contains("epair0a", list.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("epair1", list.Stdout, StringComparison.Ordinal);
            Expect.Success(await Run(tls, "cluster", "down"));
        }
        finally
        {
            SiloReaper.Reap(home);
        }
    }
}
