namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Placement;

/// <inheritdoc cref="IIfCloneGrain" />
[KernelPlacement, CollectionAgeLimit(Minutes = 2)]
public sealed class IfCloneGrain : KObjectGrain, IIfCloneGrain
{
    /// <summary><c>IF_MAXUNIT</c>.</summary>
    public const int MaxUnit = 0x7fff;

    private readonly SortedSet<int> _units = [];
    private readonly List<ulong> _members = [];

    /// <inheritdoc />
    public Task<int> AllocUnit(int wanted)
    {
        if (wanted > MaxUnit)
        {
            return Task.FromResult(-Errno.ENOSPC);
        }

        if (wanted >= 0)
        {
            return Task.FromResult(_units.Add(wanted) ? wanted : -Errno.EEXIST);
        }

        var unit = 0;
        while (_units.Contains(unit))
        {
            unit++;
        }

        if (unit > MaxUnit)
        {
            return Task.FromResult(-Errno.ENOSPC);
        }

        _units.Add(unit);
        return Task.FromResult(unit);
    }

    /// <inheritdoc />
    public Task<bool> FreeUnit(int unit) => Task.FromResult(_units.Remove(unit));

    /// <inheritdoc />
    public Task Add(ulong ifp)
    {
        _members.Add(ifp);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> Remove(ulong ifp) => Task.FromResult(_members.Remove(ifp));

    /// <inheritdoc />
    public Task<bool> Contains(ulong ifp) => Task.FromResult(_members.Contains(ifp));

    /// <inheritdoc />
    public Task<IReadOnlyList<ulong>> Members() => Task.FromResult<IReadOnlyList<ulong>>(_members.ToArray());

    /// <inheritdoc />
    public Task<IReadOnlyList<int>> Units() => Task.FromResult<IReadOnlyList<int>>(_units.ToArray());
}
