namespace JailCluster.Client.Cluster;

/// <summary>
/// The names of the hosts booted through jailctl against one state directory, so that <c>host list</c> can ask
/// each of them for its state.
/// </summary>
// TODO(kernel): a host directory grain would let `host list` see hosts booted by other clients.
public sealed class HostRegistry(StateDirectory directory)
{
    private static readonly Lock Gate = new();

    /// <summary>The recorded names, sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        lock (Gate)
        {
            return File.Exists(directory.HostsFile)
                ? [.. File.ReadAllLines(directory.HostsFile)
                    .Where(l => l.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)]
                : [];
        }
    }

    /// <summary>Records host names (once each).</summary>
    public void Add(IEnumerable<string> names)
    {
        lock (Gate)
        {
            var known = File.Exists(directory.HostsFile)
                ? File.ReadAllLines(directory.HostsFile).ToHashSet(StringComparer.Ordinal)
                : [];
            var added = names.Where(known.Add).ToList();
            if (added.Count > 0)
            {
                Directory.CreateDirectory(directory.Path);
                File.AppendAllLines(directory.HostsFile, added);
            }
        }
    }
}
