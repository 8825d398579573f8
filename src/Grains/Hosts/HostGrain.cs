namespace JailCluster.Kernel.Hosts;

using System.Globalization;
using JailCluster.Commands;
using JailCluster.Hosts;
using JailCluster.Kernel.Check;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Net;
using JailCluster.Panics;
using Microsoft.Extensions.Logging;

/// <summary>
/// The machine: power and console. Reentrant so that commands run concurrently, as they would from
/// several shells; it holds no kernel memory, only which boot is current.
/// </summary>
[Reentrant]
public sealed partial class HostGrain(TimeProvider time, ILogger<HostGrain> logger)
    : Grain, IHostGrain, IHostCrashGrain
{
    private BootOptions? _options;
    private int _generation;
    private DateTimeOffset? _bootedAt;
    private KernelContext? _context;
    private string? _crash;
    private readonly List<(HostState State, TaskCompletionSource Reached)> _watchers = [];

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A host stays active from its first boot on, so a host the directory knows that activates again lost
        // its grain with a silo: the machine's power and console died, and with them which boot was current. The
        // grain was on that silo, or Orleans let it go because its directory entry was there.
        var name = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<IHostDirectoryGrain>(IHostDirectoryGrain.ClusterKey).LastBoot(name) is { } last)
        {
            _options = last.Options;
            _generation = last.Generation;
            _crash = "the host's own grain was lost when a silo died, before "
                + time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            DelayDeactivation(Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A host's grain stays active from its first boot on; losing it loses the machine's power and console, so
        // say why Orleans let it go (a silo's death also takes the activations whose directory entries it held).
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            LogDeactivated(this.GetPrimaryKeyString(), reason.ReasonCode, reason.Description);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<HostInfo> Boot(BootOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!KernelVersion.IsKnown(options.Kernel))
        {
            throw new ArgumentException(
                $"unknown kernel version '{options.Kernel}' (known: {string.Join(", ", KernelVersion.All)})",
                nameof(options));
        }

        if (_context is { } old)
        {
            await Discard(old);
        }
        else if (_crash is not null && _options is { } lost)
        {
            // Threads of the lost boot may still run on the silos that survived: stop them.
            var globals = new KernelKey(this.GetPrimaryKeyString(), _generation, lost.Placement).Globals;
            await GrainFactory.GetGrain<IKernelGrain>(globals).Retire(_crash);
        }

        DelayDeactivation(Timeout.InfiniteTimeSpan);
        _options = options;
        _generation++;
        _bootedAt = time.GetUtcNow();
        _context = null;

        // proc0 allocates vnet0's cloner, then vnet0: the first two allocations of pid 0.
        var boot = new KernelBoot
        {
            Host = this.GetPrimaryKeyString(),
            Generation = _generation,
            Options = options,
            Vnet0 = KAddr.Of(KType.Vnet, 2),
            BootedAt = _bootedAt.Value,
        };
        var k = new KernelContext(boot, GrainFactory, time);
        await k.Kernel.Start(boot);
        var swapper = new KThread(k, "swapper", 0, 100000);
        using (swapper.Enter("vnet0_init", span: false))
        {
            // The host's own stack gets its epair cloner at boot, as every vnet does in FreeBSD; a jail's
            // is attached on first use (IfClone.vnet_epair_cloner).
            var cloner = await swapper.Alloc(KType.IfClone, IfClone.Epair);
            var vnet0 = await VnetSubr.vnet_alloc(swapper, "vnet0");
            if (vnet0 != boot.Vnet0)
            {
                throw new InvalidOperationException("vnet0 was not the second allocation of proc0");
            }

            await swapper.Store(vnet0, Layouts.Vnet.Cloner, cloner);
        }

        _context = k;
        _crash = null;
        await GrainFactory.GetGrain<IHostDirectoryGrain>(IHostDirectoryGrain.ClusterKey)
            .Register(boot.Host, new HostRecord(options, _generation));
        var info = await GetInfo();
        Notify(info.State);
        return info;
    }

    /// <inheritdoc />
    public Task<HostInfo> Reboot() =>
        _options is null ? GetInfo() : Boot(_options);

    /// <inheritdoc />
    public async Task<HostInfo> GetInfo()
    {
        var name = this.GetPrimaryKeyString();
        if (_context is null)
        {
            return _crash is null
                ? new HostInfo { Name = name, State = HostState.Down, Generation = _generation }
                : new HostInfo
                {
                    Name = name, State = HostState.Crashed, CrashReason = _crash, Boot = _options,
                    Generation = _generation,
                };
        }

        var panic = _crash is null ? await _context.Kernel.PanicState() : null;
        return new HostInfo
        {
            Name = name,
            State = _crash is not null ? HostState.Crashed : panic is null ? HostState.Up : HostState.Panicked,
            CrashReason = _crash,
            Boot = _options,
            Generation = _generation,
            PanicId = panic?.Id,
            BootedAt = _bootedAt,
        };
    }

    /// <inheritdoc />
    public async Task<CommandResult> Exec(IReadOnlyList<string> argv, ExecOptions options)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var name = this.GetPrimaryKeyString();
        if (_crash is not null)
        {
            return CommandResult.Fail($"jailctl: host {name} crashed: {_crash}; reboot it first\n", 1, "ECRASHED");
        }

        if (_context is not { } k)
        {
            return CommandResult.Fail($"jailctl: host {name} is not booted (jailctl host boot {name})\n", 1,
                "EHOSTDOWN");
        }

        if (argv.Count == 0)
        {
            return CommandResult.Fail("jailctl: empty command line\n", 64);
        }

        // One call checks for a panic and allocates the pid; the process gets the boot it would otherwise fetch.
        var pid = await k.Kernel.AllocPidUnlessPanicked();
        if (pid == 0 && await k.Kernel.PanicState() is { } panic)
        {
            return CommandResult.Fail(
                $"jailctl: host {name} has panicked ({panic.Id}: panic: {panic.Message}); reboot it first\n",
                1,
                "EHALTED");
        }

        return await k.Proc(pid).Run(new ProcStart
        {
            Argv = argv,
            Json = options?.Json ?? false,
            Boot = k.Boot,
            TraceParent = options?.TraceParent,
        });
    }

    /// <inheritdoc />
    public async Task SiloLost(string silo)
    {
        if (_context is not { } k || _crash is not null)
        {
            return;
        }

        // Every kernel lost memory with it, host-local ones too (KernelLoss).
        _crash = $"{KernelLoss.Because(silo)} at {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}";
        await k.Kernel.Retire(KernelLoss.Because(silo));
        Notify(HostState.Crashed);
    }

    /// <inheritdoc />
    public async Task<HostInfo> WaitForState(HostState state, TimeSpan max)
    {
        var info = await GetInfo();
        if (info.State == state)
        {
            return info;
        }

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _watchers.Add((state, reached));
        try
        {
            var deadline = Task.Delay(max, time);
            while (!deadline.IsCompleted)
            {
                // A panic is recorded by the kernel, not here; look again now and then as well as on notice.
                await Task.WhenAny(reached.Task, deadline, Task.Delay(TimeSpan.FromMilliseconds(50), time));
                info = await GetInfo();
                if (info.State == state)
                {
                    return info;
                }
            }

            return info;
        }
        finally
        {
            _watchers.RemoveAll(w => w.Reached == reached);
        }
    }

    /// <inheritdoc />
    public async Task<PanicReport?> WaitForPanic(TimeSpan max) =>
        _context is null ? null : await _context.Kernel.WaitForPanic(max);

    /// <inheritdoc />
    public async Task<bool> Settle(TimeSpan max)
    {
        // A crashed host has nothing left that can happen: its memory is gone.
        if (_context is not { } k || _crash is not null)
        {
            return true;
        }

        // Nothing in the kernel announces "all quiet"; look at the few places where work can still be
        // pending, a little while apart, until all are empty twice in a row or the time is up.
        var deadline = time.GetUtcNow() + max;
        var quiet = 0;
        while (time.GetUtcNow() < deadline)
        {
            if (_crash is not null || await k.Kernel.PanicState() is not null)
            {
                return true;
            }

            var busy = (await k.Kernel.Prisons()).Any(p => p.Dying)
                || (await k.Taskqueue(SubrTaskqueue.Thread).Pending()).Count > 0
                || (await k.Taskqueue(SubrTaskqueue.Swi).Pending()).Count > 0;
            quiet = busy ? 0 : quiet + 1;
            if (quiet >= 2)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), time);
        }

        return false;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckFinding>> Check() =>
        _context is null ? Task.FromResult<IReadOnlyList<CheckFinding>>([]) : InvariantChecker.Run(_context);

    private void Notify(HostState state)
    {
        foreach (var w in _watchers.Where(w => w.State == state))
        {
            w.Reached.TrySetResult();
        }
    }

    private static async Task Discard(KernelContext old)
    {
        await old.Kernel.Retire(KernelHaltException.Rebooted);

        // Let the memory of the old boot go. Whatever is not reachable from the zone table (threads,
        // locks, queues) is unreachable by key anyway and is collected when idle.
        foreach (var chunk in (await old.Kernel.Zone()).Chunk(64))
        {
            await Task.WhenAll(chunk.Select(a => old.Object(a).Discard()));
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Host {Host}'s grain deactivated ({Code}): {Reason}")]
    private partial void LogDeactivated(string host, DeactivationReasonCode code, string reason);
}
