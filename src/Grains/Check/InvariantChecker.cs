namespace JailCluster.Kernel.Check;

using JailCluster.Commands;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Net;
using static JailCluster.Kernel.Memory.Layouts;

/// <summary>
/// Walks a host's kernel memory after a run, as a debugger would: every ifnet is freed or on exactly one
/// live vnet's list, nothing freed is linked anywhere, index tables and cloner units agree, and no freed
/// object was written or freed again. Each kind of damage is named with the objects involved.
/// </summary>
public static class InvariantChecker
{
    private const int Batch = 64;

    /// <summary>Checks one boot of a host.</summary>
    public static async Task<IReadOnlyList<CheckFinding>> Run(KernelContext k)
    {
        var host = k.Boot.Host;
        var findings = new List<CheckFinding>();
        var addrs = await k.Kernel.Zone();
        var objects = new Dictionary<ulong, KObjectView>();
        foreach (var chunk in addrs.Chunk(Batch))
        {
            foreach (var v in await Task.WhenAll(chunk.Select(a => k.Object(a).View())))
            {
                objects[v.Address] = v;
            }
        }

        string Name(ulong a)
        {
            KAddr.TryDecode(a, out var t, out _, out _);
            var n = objects.TryGetValue(a, out var v) ? v.Name : "?";
            var type = KAddr.TypeName(t);
            return $"{type} {n}@{KAddr.Format(a)}";
        }

        void Add(string kind, string detail, params ulong[] involved) =>
            findings.Add(new CheckFinding
            {
                Kind = kind,
                Host = host,
                Objects = involved.Select(Name).ToArray(),
                Detail = detail,
            });

        bool Live(ulong a) => objects.TryGetValue(a, out var v) && v.Allocated && !v.Freed;
        bool IsType(ulong a, KType type) => KAddr.TryDecode(a, out var t, out _, out _) && t == type;

        var vnets = new Dictionary<ulong, VnetView>();
        foreach (var a in addrs.Where(a => IsType(a, KType.Vnet) && Live(a)))
        {
            vnets[a] = await k.Vnet(a).VnetView();
        }

        var onLists = new Dictionary<ulong, List<ulong>>();
        foreach (var (va, vnet) in vnets)
        {
            foreach (var e in vnet.Ifnets)
            {
                if (!onLists.TryGetValue(e.Ifp, out var where))
                {
                    onLists[e.Ifp] = where = [];
                }

                where.Add(va);
                if (!Live(e.Ifp))
                {
                    Add("freed-ifnet-linked", $"{vnet.Name}'s interface list holds {e.Name}, which was freed",
                        e.Ifp, va);
                    continue;
                }

                var ifv = objects[e.Ifp];
                var cur = ifv.Words.GetValueOrDefault(Ifnet.IfVnet.Name);
                if (cur != va)
                {
                    Add("ifnet-vnet-mismatch",
                        $"{e.Name} is on {vnet.Name}'s list but its if_vnet names another stack", e.Ifp, va, cur);
                }

                var index = (int)ifv.Words.GetValueOrDefault(Ifnet.IfIndex.Name);
                if (index <= 0 || index >= vnet.Index.Count || vnet.Index[index] != e.Ifp)
                {
                    Add("index-slot-mismatch",
                        $"{e.Name} has if_index {index}, but that slot of {vnet.Name} does not hold it", e.Ifp, va);
                }
            }

            for (var slot = 1; slot < vnet.Index.Count; slot++)
            {
                var held = vnet.Index[slot];
                if (held != 0 && !vnet.Ifnets.Any(e => e.Ifp == held))
                {
                    Add(Live(held) ? "index-slot-stale" : "index-slot-holds-freed-ifnet",
                        $"slot {slot} of {vnet.Name} holds an interface that is not on its list", held, va);
                }
            }

            foreach (var d in vnet.Damage)
            {
                var detail = d.Kind switch
                {
                    "index-slot-freed-twice"
                        => $"slot {d.Slot} of {vnet.Name} was freed again by {d.Who?.Thread} (step {d.Who?.Step})",
                    "index-slot-of-another-ifnet-freed"
                        => $"slot {d.Slot} of {vnet.Name} held another interface when {d.Who?.Thread} " +
                            $"freed it (step {d.Who?.Step})",
                    _ => $"slot {d.Slot} of {vnet.Name}: {d.Kind} by {d.Who?.Thread} (step {d.Who?.Step})",
                };
                Add(d.Kind, detail, d.Holder != 0 ? [d.Ifp, d.Holder, va] : [d.Ifp, va]);
            }
        }

        foreach (var (a, v) in objects)
        {
            if (IsType(a, KType.Ifnet) && Live(a))
            {
                var where = onLists.GetValueOrDefault(a);
                if (where is null || where.Count == 0)
                {
                    Add("leaked-ifnet", $"{v.Name} is allocated but on no live vnet's list", a);
                }
                else if (where.Count > 1)
                {
                    Add("ifnet-on-several-lists", $"{v.Name} is on {where.Count} interface lists", [a, .. where]);
                }
            }

            foreach (var w in v.WritesAfterFree)
            {
                Add("write-after-free",
                    $"{w.Thread} (pid {w.Pid}) stored into {v.Name} after it was freed (step {w.Step})", a);
            }

            foreach (var w in v.DoubleFrees)
            {
                Add("double-free", $"{w.Thread} (pid {w.Pid}) freed {v.Name} again (step {w.Step})", a);
            }
        }

        foreach (var a in addrs.Where(a => IsType(a, KType.IfClone) && Live(a)))
        {
            var ifc = k.Cloner(a);
            var members = await ifc.Members();
            foreach (var m in members.Where(m => !Live(m)))
            {
                Add("cloner-list-holds-freed-ifnet", "the epair cloner's list holds a freed interface", m, a);
            }

            var liveUnits = members.Where(Live)
                .Select(m => (int)objects[m].Words.GetValueOrDefault(Ifnet.IfDunit.Name))
                .ToHashSet();
            foreach (var unit in await ifc.Units())
            {
                if (!liveUnits.Contains(unit) && !objects.Values.Any(o => IsType(o.Address, KType.Ifnet)
                    && Live(o.Address)
                        && (int)o.Words.GetValueOrDefault(Ifnet.IfDunit.Name) == unit
                        && o.Words.GetValueOrDefault(Ifnet.IfHomeVnet.Name) != 0))
                {
                    Add("cloner-unit-leaked", $"epair unit {unit} is allocated but no interface of it is alive", a);
                }
            }
        }

        return findings;
    }
}
