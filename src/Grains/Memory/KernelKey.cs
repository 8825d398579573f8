namespace JailCluster.Kernel.Memory;

using System.Globalization;
using JailCluster.Hosts;

/// <summary>
/// Grain keys of one boot of one host: <c>host|generation|placement|kind|name</c>. The generation makes
/// every grain of an earlier boot unreachable, which is what a reboot does to memory; the placement
/// letter lets the placement director spread or group the host's grains without asking anyone.
/// </summary>
public sealed record KernelKey(string Host, int Generation, KernelPlacement Placement)
{
    private const char Separator = '|';

    /// <summary>The common prefix of every key of this boot.</summary>
    public string Prefix { get; } = string.Join(Separator, Host, Generation.ToString(CultureInfo.InvariantCulture),
        Placement == KernelPlacement.HostLocal ? "l" : "s");

    /// <summary>The key of the object at <paramref name="addr"/>.</summary>
    public string Object(ulong addr) => Prefix + Separator + "m" + Separator + addr.ToString("x",
        CultureInfo.InvariantCulture);

    /// <summary>The key of a named singleton of this boot (a lock, a taskqueue, a thread).</summary>
    public string Named(string kind, string name) => Prefix + Separator + kind + Separator + name;

    /// <summary>The key of this boot's globals, its <c>IKernelGrain</c>.</summary>
    public string Globals => GlobalsOf(Prefix);

    /// <summary>
    /// The key of the globals of the boot whose keys start with <paramref name="prefix"/>: what a grain of the boot
    /// finds from its own key.
    /// </summary>
    public static string GlobalsOf(string prefix) => prefix + Separator + "kernel" + Separator + "globals";

    /// <summary>
    /// The boot prefix of the key of an object or a named singleton (<c>prefix|kind|name</c>): what a grain of the
    /// boot finds its boot by.
    /// </summary>
    public static string PrefixOf(string key) => key[..key.LastIndexOf(Separator, key.LastIndexOf(Separator) - 1)];

    /// <summary>
    /// The host of the boot that <paramref name="key"/> (<c>host|generation|...</c>) belongs to, and in
    /// <paramref name="generation"/> which boot of it: what tells an earlier boot's grains from the current one's.
    /// </summary>
    public static ReadOnlySpan<char> BootOf(string key, out int generation)
    {
        var host = key.AsSpan(0, key.IndexOf(Separator));
        var rest = key.AsSpan(host.Length + 1);
        generation = int.Parse(rest[..rest.IndexOf(Separator)], CultureInfo.InvariantCulture);
        return host;
    }

    /// <summary>The address in an object key.</summary>
    public static ulong AddressOf(string key)
    {
        var last = key.LastIndexOf(Separator);
        return ulong.Parse(key.AsSpan(last + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The part of a key that decides its silo: the host part (<c>host|generation</c>) of a key of a host placed
    /// locally, else the whole key, so that a spread host's objects scatter and anything else hashes as it is.
    /// </summary>
    public static ReadOnlySpan<char> PlacementPart(ReadOnlySpan<char> key)
    {
        var host = key.IndexOf(Separator);
        var generation = host < 0 ? -1 : key[(host + 1)..].IndexOf(Separator);
        if (generation < 0)
        {
            return key;
        }

        var hostPart = host + 1 + generation;
        var rest = key[(hostPart + 1)..];
        var placement = rest.IndexOf(Separator);
        return placement >= 0 && rest[..placement] is "l" ? key[..hostPart] : key;
    }
}
