using System.Diagnostics;
using JailCluster.Telemetry;

namespace JailCluster.Tracing.Tests.Support;

/// <summary>
/// Records the spans of one jail teardown the way the kernel emits them, with explicit timestamps so that
/// the interleaving is fixed without any sleep. With <c>panic</c> it is the 2019 ordering (case 2 of the
/// reference): A2 unlinks, B5 stores NULL into if_softc, A7 loads it and faults at 0x40.
/// </summary>
public sealed class SyntheticTeardown
{
    public const string Host = "alpha";
    public const string PanicId = "alpha-1-1";
    public const string Backtrace = "#0 0xffffffff80c1a0b1 at kdb_backtrace+0x61\n"
        + "#1 0xffffffff80bce56d at vpanic+0x19d\n"
        + "#2 0xffffffff80fa1c3d at trap_fatal+0x39d\n"
        + "#3 0xffffffff8132b1c5 at epair_qflush+0x15\n"
        + "#4 0xffffffff80c9f3a2 at if_down+0x32\n"
        + "#5 0xffffffff80ca0c1e at if_vmove+0x8e";

    private readonly ActivitySource client;
    private readonly ActivitySource kernel;
    private readonly DateTime t0;

    public SyntheticTeardown(ActivitySource client, ActivitySource kernel, DateTime t0)
    {
        this.client = client;
        this.kernel = kernel;
        this.t0 = t0;
    }

    public ActivityTraceId TraceId { get; private set; }

    public ActivitySpanId StoreNullSpanId { get; private set; }

    public ActivitySpanId PanicSpanId { get; private set; }

    /// <summary>Records the teardown; with <paramref name="panic"/> false, B runs after A and nothing faults.</summary>
    public SyntheticTeardown Record(string jail, bool panic)
    {
        var root = Start(client, "teardown jail", null, 0, [new(TelemetryNames.Jail, jail)]);
        TraceId = root.TraceId;

        var jailThread = Thread("jail", 100200, 4242);
        var remove = Start(kernel, "sys_jail_remove", root, 100, jailThread);
        Event(remove, "lock.acquire", 150, (TelemetryNames.LockName, "allprison_lock"));
        Event(remove, "lock.release", 160, (TelemetryNames.LockName, "allprison_lock"));
        End(remove, 300);

        var taskq = Thread("thread taskq", 100012, 0);
        var deref = Start(kernel, "prison_deref", remove, 400, taskq);
        var destroy = Start(kernel, "vnet_destroy", deref, 410, taskq);
        var vmove = Start(kernel, "if_vmove", destroy, 420, taskq);
        Step(vmove, "A1", 430);
        Step(vmove, "A2", 520);
        Event(vmove, "lock.acquire", 525, (TelemetryNames.LockName, "IFNET_WLOCK"));
        Store(vmove, 530, "vnet vj@0xfffff80004d2e000", "V_ifnet", "0xfffff80003a4c000", "0x0");
        Event(vmove, "lock.release", 535, (TelemetryNames.LockName, "IFNET_WLOCK"));
        Step(vmove, "A3", 540);
        Event(vmove, "sleep", 541, (TelemetryNames.SleepMicros, 250L));

        var ifconfig = Thread("ifconfig", 100300, 4300);
        var bOffset = panic ? 0 : 2000;
        var ioctl = Start(kernel, "ifioctl", root, 550 + bOffset, ifconfig);
        var clone = Start(kernel, "epair_clone_destroy", ioctl, 555 + bOffset, ifconfig);
        foreach (var (label, at) in new[] { ("B0", 560), ("B1", 580), ("B2", 600), ("B3", 620), ("B4", 640) })
        {
            Step(clone, label, at + bOffset);
        }

        Step(clone, "B5", 700 + bOffset);
        Store(clone, 705 + bOffset, "ifnet epair0b@0xfffff80003a4c000", "if_softc", "0xfffff80003b1a000", "0x0");
        StoreNullSpanId = clone.SpanId;
        Step(clone, "B6", 760 + bOffset);
        Step(clone, "B7", 780 + bOffset);
        Step(clone, "B8", 800 + bOffset);
        Event(clone, "free", 801 + bOffset, (TelemetryNames.MemObject, "epair_softc scb@0xfffff80003b1a000"));
        Step(clone, "B9", 820 + bOffset);
        End(clone, 840 + bOffset);
        End(ioctl, 850 + bOffset);

        Step(vmove, "A4", 860);
        Step(vmove, "A5", 900);
        Step(vmove, "A6", 950);
        Step(vmove, "A7", 1000);
        var culprit = new ActivityLink(new ActivityContext(TraceId, StoreNullSpanId, ActivityTraceFlags.Recorded));
        var qflush = Start(kernel, "epair_qflush", vmove, 1005, taskq, panic ? [culprit] : null);
        Load(qflush, 1010, "ifnet epair0b@0xfffff80003a4c000", "if_softc", panic ? "0x0" : "0xfffff80003b1a000");
        if (panic)
        {
            Load(qflush, 1015, "epair_softc NULL@0x0", "if_qflush", "fault");
            var exception = new ActivityTagsCollection
            {
                ["exception.type"] = "page fault",
                ["exception.message"] = "Fatal trap 12: page fault while in kernel mode; fault virtual address = 0x40",
                ["exception.stacktrace"] = Backtrace,
            };
            qflush.AddEvent(new ActivityEvent("exception", new DateTimeOffset(At(1020), TimeSpan.Zero), exception));
            qflush.SetTag(TelemetryNames.PanicId, PanicId);
            qflush.SetStatus(ActivityStatusCode.Error, "page fault");
            PanicSpanId = qflush.SpanId;
            End(qflush, 1020);
            End(vmove, 1021);
            End(destroy, 1022);
            End(deref, 1023);
        }
        else
        {
            End(qflush, 1020);
            Step(vmove, "A8", 1030);
            Step(vmove, "A12", 1100);
            End(vmove, 1200);
            End(destroy, 1210);
            End(deref, 1220);
        }

        End(root, panic ? 1030 : 3000);
        return this;
    }

    private static KeyValuePair<string, object?>[] Thread(string name, long tid, long pid) =>
    [
        new(TelemetryNames.ThreadName, name),
        new(TelemetryNames.ThreadId, tid),
        new(TelemetryNames.Host, Host),
        new(TelemetryNames.KernelVersion, "12.1"),
        new(TelemetryNames.Pid, pid),
    ];

    private DateTime At(int microseconds) => DateTime.SpecifyKind(t0.AddTicks(microseconds * 10L), DateTimeKind.Utc);

    private Activity Start(
        ActivitySource source,
        string name,
        Activity? parent,
        int at,
        KeyValuePair<string, object?>[] tags,
        IEnumerable<ActivityLink>? links = null)
    {
        if (parent is null)
        {
            // A root must not pick up whatever activity an earlier recording left current.
            Activity.Current = null;
        }

        return source.StartActivity(
            name,
            ActivityKind.Internal,
            parent?.Context ?? default,
            [.. tags, new(TelemetryNames.CodeFunction, name)],
            links,
            new DateTimeOffset(At(at), TimeSpan.Zero))
            ?? throw new InvalidOperationException($"Nobody listens to {source.Name}.");
    }

    private void End(Activity activity, int at)
    {
        activity.SetEndTime(At(at));
        activity.Stop();
    }

    private void Step(Activity span, string label, int at) => Event(span, "step", at, (TelemetryNames.Step, label));

    private void Store(Activity span, int at, string obj, string field, string old, string value) =>
        Event(span, "store", at, (TelemetryNames.MemObject, obj), (TelemetryNames.MemField, field),
            (TelemetryNames.MemOld, old), (TelemetryNames.MemValue, value));

    private void Load(Activity span, int at, string obj, string field, string value) =>
        Event(span, "load", at, (TelemetryNames.MemObject, obj), (TelemetryNames.MemField, field),
            (TelemetryNames.MemValue, value));

    private void Event(Activity span, string name, int at, params (string Key, object Value)[] tags)
    {
        var collection = new ActivityTagsCollection();
        foreach (var (key, value) in tags)
        {
            collection[key] = value;
        }

        span.AddEvent(new ActivityEvent(name, new DateTimeOffset(At(at), TimeSpan.Zero), collection));
    }
}
