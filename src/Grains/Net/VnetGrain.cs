namespace JailCluster.Kernel.Net;

using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Placement;
using JailCluster.Panics;

/// <inheritdoc cref="IVnetGrain" />
[KernelPlacement, CollectionAgeLimit(Minutes = 2)]
public sealed class VnetGrain : KObjectGrain, IVnetGrain
{
    private readonly List<VnetEntry> _ifnets = [];
    private readonly List<ulong> _index = [0];
    private List<VnetDamage>? _damage;

    /// <inheritdoc />
    public Task<IReadOnlyList<VnetEntry>> Ifnets() => Task.FromResult<IReadOnlyList<VnetEntry>>(_ifnets.ToArray());

    /// <inheritdoc />
    public Task<ulong> FindByName(string name)
    {
        foreach (var e in _ifnets)
        {
            if (e.Name == name)
            {
                return Task.FromResult(e.Ifp);
            }
        }

        return Task.FromResult(0UL);
    }

    /// <inheritdoc />
    public Task Link(VnetEntry entry)
    {
        _ifnets.Add(entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> Unlink(ulong ifp) => Task.FromResult(_ifnets.RemoveAll(e => e.Ifp == ifp) > 0);

    /// <inheritdoc />
    public Task<IReadOnlyList<VnetEntry>> UnlinkForeign()
    {
        var self = Address;
        var foreign = _ifnets.Where(e => e.Home != self).ToArray();
        _ifnets.RemoveAll(e => e.Home != self);
        return Task.FromResult<IReadOnlyList<VnetEntry>>(foreign);
    }

    /// <inheritdoc />
    public Task<bool> Rename(ulong ifp, string name)
    {
        if (_ifnets.Any(e => e.Name == name))
        {
            return Task.FromResult(false);
        }

        var i = _ifnets.FindIndex(e => e.Ifp == ifp);
        if (i >= 0)
        {
            _ifnets[i] = _ifnets[i] with { Name = name };
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<int> IndexAlloc(ulong ifp)
    {
        var slot = _index.IndexOf(0UL, 1);
        if (slot < 0)
        {
            slot = _index.Count;
            _index.Add(0);
        }

        _index[slot] = ifp;
        return Task.FromResult(slot);
    }

    /// <inheritdoc />
    public Task IndexFree(int slot, ulong ifp, Provenance who)
    {
        if (slot <= 0 || slot >= _index.Count)
        {
            Record(new VnetDamage("index-slot-out-of-range", slot, ifp, 0, who));
        }
        else if (_index[slot] == 0)
        {
            Record(new VnetDamage("index-slot-freed-twice", slot, ifp, 0, who));
        }
        else
        {
            if (_index[slot] != ifp)
            {
                Record(new VnetDamage("index-slot-of-another-ifnet-freed", slot, ifp, _index[slot], who));
            }

            _index[slot] = 0;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<VnetView> VnetView() => Task.FromResult(new VnetView
    {
        Address = Address,
        Name = Name,
        Freed = Freed,
        Ifnets = _ifnets.ToArray(),
        Index = _index.ToArray(),
        Cloner = Word(Layouts.Vnet.Cloner.Name),
        Damage = _damage?.ToArray() ?? [],
    });

    private void Record(VnetDamage damage) => (_damage ??= []).Add(damage);
}
