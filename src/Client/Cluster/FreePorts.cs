namespace JailCluster.Client.Cluster;

using System.Net;
using System.Net.Sockets;

/// <summary>Free TCP ports on the loopback interface, taken from the kernel's ephemeral range.</summary>
public static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct ports that were free a moment ago.</summary>
    public static IReadOnlyList<int> Take(int count)
    {
        // Hold every listener until all are chosen, so the kernel cannot hand out one port twice.
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
