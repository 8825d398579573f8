namespace JailCluster.Kernel.Usr;

using System.Globalization;
using System.Text.Json;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Memory;
using JailCluster.Kernel.Net;
using static JailCluster.Kernel.Memory.Layouts;

/// <summary>sbin/ifconfig, the part that concerns epairs and vnets.</summary>
public static class Ifconfig
{
    private const string Usage
        = "usage: ifconfig [-j jail] [-l] [interface [create | destroy | vnet jail | -vnet jail | name newname]]";

    /// <summary>ifconfig [-j jail] ...</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io, IProcess proc)
    {
        _ = proc;
        if (args.Length >= 2 && args[0] == "-j")
        {
            var jail = args[1];
            if (await Syscalls.JailAttach(td, jail) != 0)
            {
                return io.Fail($"ifconfig: jail \"{jail}\" not found", Errno.ENOENT);
            }

            var code = await Run(td, args[2..], io);
            await KernJail.exit1(td, td.Prison);
            return code;
        }

        return await Run(td, args, io);
    }

    private static async Task<int> Run(KThread td, string[] args, ProcIo io)
    {
        var vnet = await td.Vnet(td.CurVnet);
        if (args.Length == 1 && args[0] == "-l")
        {
            var names = (await vnet.Ifnets()).Select(e => e.Name).ToArray();
            io.Out(string.Join(' ', names));
            if (io.WantsJson)
            {
                io.Json = JsonSerializer.Serialize(new { interfaces = names });
            }

            return 0;
        }

        if (args.Length == 0 || (args.Length == 1 && args[0] == "-a"))
        {
            var all = new List<object>();
            foreach (var e in await vnet.Ifnets())
            {
                all.Add(await Show(td, e.Ifp, e.Name, io));
            }

            if (io.WantsJson)
            {
                io.Json = JsonSerializer.Serialize(all);
            }

            return 0;
        }

        if (args[0].StartsWith('-'))
        {
            io.Err(Usage);
            return 64;
        }

        var name = args[0];
        var rest = args[1..];
        if (rest.Length == 1 && rest[0] == "create")
        {
            return await Create(td, name, io);
        }

        if (rest.Length >= 1 && rest[0] == "-vnet")
        {
            if (rest.Length < 2)
            {
                return io.Fail("ifconfig: '-vnet' requires argument", Errno.EINVAL);
            }

            var jail = rest[1];
            var rv = await Syscalls.Ioctl(td, Syscalls.SIOCSIFRVNET, () => IfNet.if_vmove_reclaim(td, name, jail));
            return rv == 0 ? 0 : io.Fail($"ifconfig: {Syscalls.SIOCSIFRVNET}: {Errno.Text(rv)}", rv);
        }

        var ifp = await vnet.FindByName(name);
        if (ifp == 0)
        {
            return io.Fail($"ifconfig: interface {name} does not exist", Errno.ENXIO);
        }

        if (rest.Length == 0)
        {
            var shown = await Show(td, ifp, name, io);
            if (io.WantsJson)
            {
                io.Json = JsonSerializer.Serialize(shown);
            }

            return 0;
        }

        switch (rest[0])
        {
            case "destroy" when rest.Length == 1:
                var de = await Syscalls.Ioctl(td, Syscalls.SIOCIFDESTROY, () => IfClone.if_clone_destroy(td, name));
                return de == 0 ? 0 : io.Fail($"ifconfig: {Syscalls.SIOCIFDESTROY}: {Errno.Text(de)}", de);

            case "vnet":
                if (rest.Length < 2)
                {
                    return io.Fail("ifconfig: 'vnet' requires argument", Errno.EINVAL);
                }

                var jail = rest[1];
                var ve = await Syscalls.Ioctl(td, Syscalls.SIOCSIFVNET, () => IfNet.if_vmove_loan(td, ifp, jail));
                return ve == 0 ? 0 : io.Fail($"ifconfig: {Syscalls.SIOCSIFVNET}: {Errno.Text(ve)}", ve);

            case "name":
                if (rest.Length < 2)
                {
                    return io.Fail("ifconfig: 'name' requires argument", Errno.EINVAL);
                }

                var newName = rest[1];
                var ne = await Syscalls.Ioctl(td, Syscalls.SIOCSIFNAME, () => IfNet.if_rename(td, ifp, newName));
                if (ne != 0)
                {
                    return io.Fail($"ifconfig: ioctl {Syscalls.SIOCSIFNAME} (set name): {Errno.Text(ne)}", ne);
                }

                io.Out(newName);
                return 0;

            default:
                return io.Fail($"ifconfig: {rest[0]}: bad value", Errno.EINVAL);
        }
    }

    private static async Task<int> Create(KThread td, string name, ProcIo io)
    {
        if (name.Length > 15)
        {
            return io.Fail($"ifconfig: {Syscalls.SIOCIFCREATE2}: {Errno.Text(Errno.ENOSPC)}", Errno.ENOSPC);
        }

        if (await (await td.Vnet(td.CurVnet)).FindByName(name) != 0)
        {
            return io.Fail($"ifconfig: interface {name} already exists", Errno.EEXIST);
        }

        string? created = null;
        var error = await Syscalls.Ioctl(td, Syscalls.SIOCIFCREATE2, async () =>
        {
            var (e, n) = await IfClone.if_clone_create(td, name);
            created = n;
            return e;
        });
        if (error != 0)
        {
            return io.Fail($"ifconfig: {Syscalls.SIOCIFCREATE2}: {Errno.Text(error)}", error);
        }

        io.Out(created!);
        if (io.WantsJson)
        {
            io.Json = JsonSerializer.Serialize(new { name = created });
        }

        return 0;
    }

    private static async Task<object> Show(KThread td, ulong ifp, string name, ProcIo io)
    {
        var flags = await td.Load(ifp, Ifnet.IfFlags);
        var drv = await td.Load(ifp, Ifnet.IfDrvFlags);
        var link = await td.Load(ifp, Ifnet.IfLinkState);
        var groups = await td.Load(ifp, Ifnet.IfGroups);
        var unit = await td.Load(ifp, Ifnet.IfDunit);
        var index = await td.Load(ifp, Ifnet.IfIndex);

        var shown = flags | ((drv & (ulong)IfFlags.DrvRunning) != 0 ? (ulong)IfFlags.DrvRunning : 0);
        var words = new List<string>();
        foreach (var (bit, word) in new[]
        {
            (IfFlags.Up, "UP"), (IfFlags.Broadcast, "BROADCAST"), (IfFlags.DrvRunning, "RUNNING"),
            (IfFlags.Simplex, "SIMPLEX"), (IfFlags.Multicast, "MULTICAST"),
        })
        {
            if ((shown & (ulong)bit) != 0)
            {
                words.Add(word);
            }
        }

        var half = name.EndsWith('b') ? "0b" : "0a";
        var mac = string.Create(CultureInfo.InvariantCulture,
            $"02:{(unit >> 8) & 0xff:x2}:{unit & 0xff:x2}:00:00:{half}");
        var groupNames = Groups.Names
            .Where(g => (groups & (ulong)g.Bit) != 0 && g.Name != "all")
            .Select(g => g.Name)
            .ToArray();
        var status = link == IfFlags.LinkStateUp ? "active" : "no carrier";

        io.Out(string.Create(CultureInfo.InvariantCulture,
            $"{name}: flags={shown & 0xffff:x}<{string.Join(',', words)}> metric 0 mtu 1500"));
        io.Out("\toptions=8<VLAN_MTU>");
        io.Out($"\tether {mac}");
        if (groupNames.Length > 0)
        {
            io.Out($"\tgroups: {string.Join(' ', groupNames)}");
        }

        io.Out("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)");
        io.Out($"\tstatus: {status}");
        return new
        {
            name,
            flags = words,
            ether = mac,
            groups = groupNames,
            status,
            index = (int)index,
            address = KAddr.Format(ifp),
        };
    }
}
