namespace JailCluster.Kernel.Kern;

using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Placement;

/// <inheritdoc cref="IPrisonGrain" />
[KernelPlacement, CollectionAgeLimit(Minutes = 2)]
public sealed class PrisonGrain : KObjectGrain, IPrisonGrain
{
    private readonly SortedSet<int> _procs = [];
    private int _jid;
    private int _ref;
    private int _uref;
    private bool _persist;
    private bool _dying;
    private ulong _vnet;

    /// <inheritdoc />
    public Task Setup(int jid, bool persist, ulong vnet)
    {
        _jid = jid;
        _persist = persist;
        _ref = persist ? 1 : 0;
        _uref = persist ? 1 : 0;
        _vnet = vnet;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PrisonView> Read() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public Task<bool> AttachProc(int pid)
    {
        if (_dying || Freed)
        {
            return Task.FromResult(false);
        }

        _procs.Add(pid);
        _ref++;
        _uref++;
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task DetachProc(int pid)
    {
        if (_procs.Remove(pid))
        {
            _uref--;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> Remove()
    {
        var was = _persist;
        _persist = false;
        _dying = true;
        return Task.FromResult(was);
    }

    /// <inheritdoc />
    public Task<PrisonView> Release(int refs, int urefs)
    {
        _ref -= refs;
        _uref -= urefs;
        if (_uref <= 0)
        {
            _dying = true;
        }

        return Task.FromResult(Snapshot());
    }

    /// <inheritdoc />
    public Task<bool> FreeOrDefer()
    {
        if (_ref > 1)
        {
            _ref--;
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    private PrisonView Snapshot() => new()
    {
        Address = Address,
        Jid = _jid,
        Name = Name,
        Ref = _ref,
        Uref = _uref,
        Persist = _persist,
        Vnet = _vnet,
        Dying = _dying,
        Procs = _procs.ToArray(),
        Freed = Freed,
    };
}
