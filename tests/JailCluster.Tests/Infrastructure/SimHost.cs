namespace JailCluster.Tests.Infrastructure;

using System.Diagnostics;
using JailCluster.Commands;
using JailCluster.Hosts;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Sync;
using JailCluster.Panics;

/// <summary>A booted host, driven the way a user drives one: command lines in, output and status out.</summary>
public sealed class SimHost(IClusterClient client, string name, HostInfo boot)
{
    private static int _counter;

    /// <summary>Host name.</summary>
    public string Name { get; } = name;

    /// <summary>The host grain.</summary>
    public IHostGrain Grain => client.GetGrain<IHostGrain>(Name);

    /// <summary>Boots a host with a name no other test uses.</summary>
    public static async Task<SimHost> Boot(IClusterClient client, string kernel, bool invariants = false,
        KernelPlacement placement = KernelPlacement.Spread, KernelTunables? tunables = null)
    {
        var name = $"h{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..16];
        var info = await client.GetGrain<IHostGrain>(name).Boot(new BootOptions
        {
            Kernel = kernel,
            Invariants = invariants,
            Placement = placement,
            Tunables = tunables ?? KernelTunables.Default,
        });
        return new SimHost(client, name, info);
    }

    /// <summary>Runs a command line split on spaces.</summary>
    public Task<CommandResult> Run(string commandLine, bool json = false) =>
        Grain.Exec(
            commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new ExecOptions { Json = json, TraceParent = Activity.Current?.Id });

    /// <summary>Runs a command line that must succeed, and returns its output.</summary>
    public async Task<string> Ok(string commandLine)
    {
        var r = await Run(commandLine);
        Assert.True(r.ExitCode == 0, $"'{commandLine}' failed with {r.ExitCode}: {r.Stderr}");
        return r.Stdout;
    }

    /// <summary>
    /// An epair in a persistent vnet jail, as the 2019 test helper built it; returns the a-side name.
    /// </summary>
    public async Task<string> VnetJailWithEpair(string jail, bool withProcess)
    {
        var a = (await Ok("ifconfig epair create")).Trim();
        var b = a[..^1] + "b";
        await Ok($"jail -c name={jail} persist vnet vnet.interface={b}");
        if (withProcess)
        {
            await Ok($"jexec {jail} sleep 3600");
        }

        return a;
    }

    /// <summary>
    /// The shape of most forced orderings: jail alcatraz with an epair and a process, its removal's thread taskq held
    /// at <paramref name="failPoint"/> (set to <paramref name="setting"/>), and the destroy of the epair's a side
    /// started while it is held there. Returns the running destroy; the fail point is still set.
    /// </summary>
    public async Task<Task<CommandResult>> DestroyWhileTheRemovalPausesAt(string failPoint, string setting = "pause")
    {
        var a = await VnetJailWithEpair("alcatraz", withProcess: true);
        await Ok($"sysctl debug.fail_point.{failPoint}={setting}");
        await Ok("jail -r alcatraz");
        Assert.Contains("thread taskq", await Ok($"fpwait {failPoint}"), StringComparison.Ordinal);
        return Run($"ifconfig {a} destroy");
    }

    /// <summary>The host's panic, waiting for it up to <paramref name="seconds"/>.</summary>
    public Task<PanicReport?> WaitForPanic(int seconds = 30) => Grain.WaitForPanic(TimeSpan.FromSeconds(seconds));

    /// <summary>Waits until nothing is left to happen by itself.</summary>
    public async Task Settle()
    {
        Assert.True(await Grain.Settle(TimeSpan.FromSeconds(60)), $"host {Name} did not settle");
    }

    /// <summary>The prefix of every grain key of the host's first boot.</summary>
    public string KeyPrefix => new KernelKey(Name, boot.Generation, boot.Boot!.Placement).Prefix;

    /// <summary>The grain key of the host's kernel globals in its first boot.</summary>
    public string KernelKey => new KernelKey(Name, boot.Generation, boot.Boot!.Placement).Globals;

    /// <summary>The host's kernel globals in its first boot.</summary>
    public IKernelGrain Kernel => client.GetGrain<IKernelGrain>(KernelKey);

    /// <summary>The host's <c>ifnet_detach_sxlock</c> in its first boot, read straight from kernel memory.</summary>
    public ISxLockGrain DetachSx =>
        client.GetGrain<ISxLockGrain>(
            new KernelKey(Name, boot.Generation, boot.Boot!.Placement).Named("sx", "ifnet_detach_sxlock"));
}
