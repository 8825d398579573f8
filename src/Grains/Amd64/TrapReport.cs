namespace JailCluster.Kernel.Amd64;

using System.Globalization;
using System.Text;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using JailCluster.Panics;

/// <summary>
/// Prints a panic the way FreeBSD/amd64's <c>trap_fatal</c>, <c>vpanic</c> and <c>db_trace_self</c> do, from
/// the faulting thread's simulated stack, then the provenance section FreeBSD lacks. Instruction, stack
/// and frame addresses are synthetic: stable per function and thread, meaningless beyond that.
/// </summary>
public static class TrapReport
{
    private const string BacktraceHeader = "KDB: stack backtrace:";

    /// <summary>What a report is made of.</summary>
    public sealed record Input
    {
        /// <summary>Panic id.</summary>
        public required string Id { get; init; }

        /// <summary>Host.</summary>
        public required string Host { get; init; }

        /// <summary>Boot generation.</summary>
        public int Generation { get; init; }

        /// <summary>Kernel version.</summary>
        public required string Kernel { get; init; }

        /// <summary>Trap number, 0 for a plain panic.</summary>
        public int Trap { get; init; }

        /// <summary>Fault virtual address.</summary>
        public ulong FaultAddress { get; init; }

        /// <summary>Fault code text, for a page fault.</summary>
        public string? FaultCode { get; init; }

        /// <summary>Panic message.</summary>
        public required string Message { get; init; }

        /// <summary>The function that called panic, when not panic() itself (kassert_panic).</summary>
        public string? Via { get; init; }

        /// <summary>Current thread's name.</summary>
        public required string Thread { get; init; }

        /// <summary>Current pid.</summary>
        public int Pid { get; init; }

        /// <summary>Current tid.</summary>
        public int Tid { get; init; }

        /// <summary>Stack, innermost first.</summary>
        public IReadOnlyList<string> Frames { get; init; } = [];

        /// <summary>The other side.</summary>
        public Provenance? Culprit { get; init; }

        /// <summary>The pointer value that was dereferenced or called.</summary>
        public ulong BadValue { get; init; }

        /// <summary>When.</summary>
        public DateTimeOffset Time { get; init; }

        /// <summary>Step the thread was in.</summary>
        public string? Step { get; init; }

        /// <summary>Trace id.</summary>
        public string? TraceId { get; init; }

        /// <summary>Span id.</summary>
        public string? SpanId { get; init; }
    }

    /// <summary>Builds the report.</summary>
    public static PanicReport Build(Input i)
    {
        var sb = new StringBuilder();
        var cpu = (int)(KFunctions.Hash(i.Thread + i.Tid.ToString(CultureInfo.InvariantCulture)) % 8);
        var stackTop = 0xfffffe0000000000UL + ((ulong)(i.Tid % 0x40000) << 14) + 0x3000UL;
        var frames = i.Frames;
        var fp = new ulong[frames.Count];
        for (var d = 0; d < frames.Count; d++)
        {
            // Innermost frame is lowest; the outermost sits just under the stack's top.
            fp[d] = stackTop - (ulong)((frames.Count - d) * 0x40);
        }

        var faultFp = frames.Count > 0 ? fp[0] : stackTop;
        var rip = frames.Count > 0 ? Pc(frames[0], i.Trap == 0 ? "panic" : "fault") : 0UL;
        var rsp = faultFp - 0x40;

        if (i.Trap != 0)
        {
            var trapName = i.Trap == 12 ? "page fault" : "general protection fault";
            Line(sb, $"Fatal trap {i.Trap}: {trapName} while in kernel mode");
            Line(sb, $"cpuid = {cpu}; apic id = {cpu:x2}");
            if (i.Trap == 12)
            {
                Line(sb, $"fault virtual address = {KAddr.Format(i.FaultAddress)}");
                Line(sb, $"fault code = {i.FaultCode}");
            }

            Line(sb, $"instruction pointer = 0x20:{KAddr.Format(rip)}");
            Line(sb, $"stack pointer = 0x28:{KAddr.Format(rsp)}");
            Line(sb, $"frame pointer = 0x28:{KAddr.Format(faultFp)}");
            Line(sb, "code segment = base 0x0, limit 0xfffff, type 0x1b");
            Line(sb, "= DPL 0, pres 1, long 1, def32 0, gran 1");
            Line(sb, "processor eflags = interrupt enabled, resume, IOPL = 0");
            Line(sb, $"current process = {i.Pid} ({i.Thread})");
            Line(sb, $"trap number = {i.Trap}");
        }

        Line(sb, $"panic: {i.Message}");
        Line(sb, $"cpuid = {cpu}");
        Line(sb, $"time = {i.Time.ToUnixTimeSeconds()}");
        Line(sb, BacktraceHeader);

        var machinery = new List<string> { "db_trace_self_wrapper", "vpanic", "panic" };
        if (i.Via is { } via)
        {
            machinery.Add(via);
        }

        if (i.Trap != 0)
        {
            machinery.Add("trap_fatal");
            if (i.Trap == 12)
            {
                machinery.Add("trap_pfault");
            }

            machinery.Add("trap");
            machinery.Add("calltrap");
        }

        var mfp = faultFp - 0x380;
        for (var m = 0; m < machinery.Count; m++)
        {
            var name = machinery[m];
            var callee = m == 0 ? "db_trace_self" : machinery[m - 1];
            Line(sb, $"{name}() at {name}+{Off(name, callee)}/frame {KAddr.Format(mfp + (ulong)(m * 0x50))}");
        }

        if (i.Trap != 0)
        {
            Line(sb, $"--- trap 0x{i.Trap:x}, rip = {KAddr.Format(rip)}, rsp = {KAddr.Format(rsp)}, " +
                $"rbp = {KAddr.Format(faultFp)} ---");
        }

        for (var d = 0; d < frames.Count; d++)
        {
            var callee = d == 0 ? (i.Trap == 0 ? "panic" : "fault") : frames[d - 1];
            Line(sb, $"{frames[d]}() at {frames[d]}+{Off(frames[d], callee)}/frame {KAddr.Format(fp[d])}");
        }

        if (i.Culprit is { } c)
        {
            sb.Append('\n');
            var what = c.Action == "free"
                ? $"freed {c.Object}"
                : $"stored NULL into {c.Object} field {c.Field}";
            Line(sb, "JailCluster provenance (KASAN-style): the memory read at the fault was last changed " +
                "by another thread:");
            var trash = i.BadValue == KAddr.Trash
                ? " (the INVARIANTS trash pattern: it was read from freed memory)" : "";
            Line(sb, $"  the pointer used was {KAddr.Format(i.BadValue)}{trash}");
            var step = c.Step is null ? "" : $" in step {c.Step}";
            var before = (i.Time - c.Time).TotalMilliseconds;
            Line(sb, $"  {what}");
            Line(sb, $"  by thread {c.Tid} ({c.Thread}, pid {c.Pid}){step} " +
                $"at {c.Time:yyyy-MM-ddTHH:mm:ss.ffffffZ}, {before:0.000} ms before the fault:");
            for (var d = 0; d < c.Stack.Count; d++)
            {
                Line(sb, $"  #{d} {c.Stack[d]}()");
            }

            if (c.TraceId is not null)
            {
                Line(sb, $"  trace {c.TraceId} span {c.SpanId}");
            }
        }

        if (i.TraceId is not null)
        {
            Line(sb, $"Faulting thread's trace {i.TraceId} span {i.SpanId}; panic id {i.Id}");
        }

        return new PanicReport
        {
            Id = i.Id,
            Host = i.Host,
            Generation = i.Generation,
            Kernel = i.Kernel,
            Message = i.Message,
            TrapNumber = i.Trap,
            FaultAddress = i.FaultAddress,
            Thread = i.Thread,
            Pid = i.Pid,
            Frames = frames,
            Text = sb.ToString(),
            Culprit = i.Culprit,
            Time = i.Time,
            TraceId = i.TraceId,
            SpanId = i.SpanId,
            Step = i.Step,
        };
    }

    /// <summary>The <c>KDB: stack backtrace:</c> part of a report's text.</summary>
    public static string Backtrace(string text)
    {
        var start = text.IndexOf(BacktraceHeader, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var tail = text.IndexOf("\nFaulting thread's trace", start, StringComparison.Ordinal);
        if (end < 0 || (tail >= 0 && tail < end))
        {
            end = tail;
        }

        return (end < 0 ? text[start..] : text[start..end]).TrimEnd('\n') + "\n";
    }

    private static ulong Pc(string function, string callee) =>
        KFunctions.Address(function) + (ulong)KFunctions.CallOffset(function, callee);

    private static string Off(string function, string callee) =>
        "0x" + KFunctions.CallOffset(function, callee).ToString("x", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, FormattableString s)
        => sb.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder sb, string s) => sb.Append(s).Append('\n');
}
