namespace JailCluster.Client.Teardown;

/// <summary>How a mass teardown takes jails and their epairs apart (reference section 7).</summary>
public enum TeardownPattern
{
    /// <summary>
    /// FreeBSD's test helper of 2019: <c>jail -r</c> for every jail, then at once <c>ifconfig epairNa destroy</c>
    /// for every pair, with no wait between.
    /// </summary>
    VnetSubr2019,

    /// <summary>
    /// The newer helper: <c>jexec J ifconfig epairNb destroy</c> in each jail, then <c>jail -r J</c>.
    /// </summary>
    VnetSubrModern,

    /// <summary><c>jail -r J</c> and <c>ifconfig epairNa destroy</c> fired together for each jail.</summary>
    Simultaneous,
}
