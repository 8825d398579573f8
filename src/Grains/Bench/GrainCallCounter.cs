namespace JailCluster.Kernel.Bench;

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

/// <summary>
/// Counts every grain call this silo receives, by interface and method, for the benchmark's calls per teardown.
/// Registered only when the silo's configuration sets <c>Bench:CountCalls</c> to true.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, StrongBox<long>> Counts = new(StringComparer.Ordinal);

    /// <summary>The counts so far, by <c>Interface.Method</c>.</summary>
    public static IReadOnlyDictionary<string, long> Snapshot() =>
        Counts.ToDictionary(c => c.Key, c => Volatile.Read(ref c.Value.Value), StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var key = context.InterfaceName + "." + context.MethodName;
        var box = Counts.GetOrAdd(key, static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
        return context.Invoke();
    }
}
