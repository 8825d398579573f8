namespace JailCluster.EndToEnd.Tests;

/// <summary>jailctl scripts that more than one test runs.</summary>
public static class Scripts
{
    /// <summary>The 2019 cleanup, with thread A held right after it unlinked epair0b from the jail's vnet.</summary>
    public const string ForcedPanic = """
        # The 2019 cleanup, with thread A held right after it unlinked epair0b from the jail's vnet.
        ifconfig epair create
        jail -c name=alcatraz persist vnet vnet.interface=epair0b
        jexec alcatraz sleep 3600
        sysctl debug.fail_point.a3=pause
        jail -r alcatraz
        fpwait a3
        ifconfig epair0a destroy
        sysctl debug.fail_point.a3=off
        settle
        """;
}
