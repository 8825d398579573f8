namespace JailCluster.Kernel.Kern;

using System.Diagnostics;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Memory;
using System.Globalization;
using JailCluster.Commands;
using JailCluster.Kernel.Placement;
using JailCluster.Kernel.Telemetry;
using JailCluster.Kernel.Usr;
using JailCluster.Telemetry;

/// <inheritdoc cref="IProcGrain" />
[KernelPlacement]
public sealed class ProcGrain(TimeProvider time, FailPointMirror mirror) : Grain, IProcGrain, IProcess, IDisposable
{
    private CancellationTokenSource? _sleeping;
    private KThread? _sleeper;
    private ulong _prison;
    private IGrainTimer? _timer;
    private bool _exited;

    /// <inheritdoc />
    public async Task<CommandResult> Run(ProcStart start)
    {
        var key = this.GetPrimaryKeyString();
        var pid = int.Parse(key.AsSpan(key.LastIndexOf('|') + 1), CultureInfo.InvariantCulture);
        var boot = start.Boot
            ?? await GrainFactory.GetGrain<IKernelGrain>(KernelKey.GlobalsOf(KernelKey.PrefixOf(key))).Boot();
        if (boot is null || start.Argv.Count == 0)
        {
            return CommandResult.Fail("exec: nothing to run\n", 127);
        }

        var k = new KernelContext(boot, GrainFactory, time, mirror);
        var comm = Path.GetFileName(start.Argv[0]);
        var td = new KThread(k, comm, pid, 100000 + pid);
        var io = new ProcIo(start.Json);
        int code;
        var parent = TraceContext.Parent(start.TraceParent);
        using (var span = KernelTelemetry.Source.StartActivity(comm, ActivityKind.Internal, parent))
        {
            span?.SetTag(TelemetryNames.Command, string.Join(' ', start.Argv));
            span?.SetTag(TelemetryNames.ThreadName, comm);
            span?.SetTag(TelemetryNames.ThreadId, td.Tid);
            span?.SetTag(TelemetryNames.Pid, pid);
            span?.SetTag(TelemetryNames.Host, boot.Host);
            span?.SetTag(TelemetryNames.KernelVersion, boot.Options.Kernel);
            try
            {
                code = await Userland.Exec(td, start.Argv, io, this);
            }
            catch (KernelPanicException e)
            {
                io.Err(e.Report is { } r ? $"panic: {r.Message} (host {r.Host}, panic id {r.Id})" : "panic");
                io.Errno = "EPANIC";
                code = 70;
            }
            catch (KernelHaltException e)
            {
                io.Err($"{comm}: host {boot.Host} halted: {e.Message}");
                io.Errno = "EHALTED";
                code = 70;
            }

            span?.SetTag("process.exit.code", code);
            if (_sleeper is null)
            {
                this.DeactivateOnIdle();
            }

            return new CommandResult
            {
                ExitCode = code,
                Stdout = io.Stdout,
                Stderr = io.Stderr,
                Json = io.Json,
                Pid = pid,
                Errno = io.Errno,
                TraceId = Activity.Current?.TraceId.ToHexString(),
            };
        }
    }

    /// <inheritdoc />
    public void SleepInJail(KThread td, ulong prison, int seconds)
    {
        _sleeper = td;
        _prison = prison;
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        _timer = this.RegisterGrainTimer(
            _ => Exit(killed: false),
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan));
        _sleeping = new CancellationTokenSource();
        _ = GoWhenTheBootHalts(_sleeping.Token);
    }

    /// <inheritdoc />
    public async Task Signal(int signal, string? traceParent)
    {
        if (_sleeper is null || _exited || signal != KernJail.Sigkill)
        {
            return;
        }

        // A killed process needs a moment to notice the signal and run down its exit path.
        var micros = _sleeper.K.Boot.Options.Tunables.ProcExitMicros;
        if (micros > 0)
        {
            await Task.Delay(TimeSpan.FromMicroseconds(micros), time);
        }

        await Exit(killed: true, TraceContext.Parent(traceParent));
    }

    /// <summary>Orleans disposes the grain as its activation goes; the wait for the boot's halt ends.</summary>
    public void Dispose()
    {
        _sleeping?.Cancel();
        _sleeping?.Dispose();
    }

    // A halted host runs no exit path: its processes are simply gone, and so is this grain once it is idle. A
    // process that exits first stops waiting, so that the boot's halt signal does not hold it.
    private async Task GoWhenTheBootHalts(CancellationToken exited)
    {
        try
        {
            await BootLifetime.Over(this.GetPrimaryKeyString(), mirror, GrainFactory, exited);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_exited)
        {
            _exited = true;
            _timer?.Dispose();
            this.DeactivateOnIdle();
        }
    }

    private async Task Exit(bool killed, ActivityContext parent = default)
    {
        if (_exited || _sleeper is not { } td)
        {
            return;
        }

        _exited = true;
        _timer?.Dispose();
        _sleeping?.Cancel();
        try
        {
            using var entry = td.Enter(killed ? "doreti_ast" : "fast_syscall_common", span: false);
            using var next = td.Enter(killed ? "ast" : "amd64_syscall", span: false);
            using var sig = td.Enter(killed ? "sigexit" : "sys_sys_exit", parent: parent);
            await KernJail.exit1(td, _prison);
        }
        catch (Exception e) when (e is KernelPanicException or KernelHaltException)
        {
            // The host stopped; so does this process.
        }

        this.DeactivateOnIdle();
    }
}
