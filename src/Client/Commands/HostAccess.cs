namespace JailCluster.Client.Commands;

using System.Text.RegularExpressions;
using JailCluster.Client.Cli;
using JailCluster.Hosts;

/// <summary>Finds a simulated host and makes sure it can take commands.</summary>
public static partial class HostAccess
{
    /// <summary>Fails unless <paramref name="name"/> is a usable host name.</summary>
    public static string ValidateName(string name)
    {
        if (!HostName().IsMatch(name))
        {
            throw new UsageException($"bad host name '{name}': use letters, digits, '.', '_' and '-' (at most 63)");
        }

        return name;
    }

    /// <summary>The host's grain and state; fails with EX_NOHOST when it was never booted.</summary>
    public static async Task<(IHostGrain Grain, HostInfo Info)> RequireBootedAsync(IClusterClient client, string name)
    {
        ValidateName(name);
        var grain = client.GetGrain<IHostGrain>(name);
        var info = await grain.GetInfo();
        if (info.State == HostState.Down)
        {
            throw new JailctlException(
                $"unknown host '{name}': it has not been booted (boot it with 'jailctl host boot {name}')",
                ExitCodes.NoHost);
        }

        return (grain, info);
    }

    /// <summary>The one-line refusal for a panicked host.</summary>
    public static JailctlException Panicked(HostInfo info) =>
        new($"host '{info.Name}' has panicked ({info.PanicId ?? "no panic id"}); " +
            $"see 'jailctl panic show {info.PanicId}' " +
            $"and reboot it with 'jailctl host reboot {info.Name}'");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex HostName();
}
