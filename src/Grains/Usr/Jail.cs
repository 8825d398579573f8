namespace JailCluster.Kernel.Usr;

using System.Globalization;
using JailCluster.Kernel.Kern;
using JailCluster.Kernel.Net;

/// <summary>usr.sbin/jail: <c>jail -c</c> and <c>jail -r</c>.</summary>
public static class Jail
{
    private const string Usage =
        "usage: jail [-dhilqv] [-J jid_file] [-u username] [-U username] -[cmr] param=value ... [command=command ...]";

    private static readonly string[] Ignored = ["path", "host.hostname", "ip4", "ip6", "allow.raw_sockets",
        "children.max"];

    /// <summary>jail -c params... | jail -r jail...</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io)
    {
        if (args.Length >= 1 && args[0] == "-c")
        {
            return await Create(td, args[1..], io);
        }

        if (args.Length >= 2 && args[0] == "-r")
        {
            var code = 0;
            foreach (var jail in args[1..])
            {
                code |= await Remove(td, jail, io);
            }

            return code;
        }

        io.Err(Usage);
        return 64;
    }

    private static async Task<int> Create(KThread td, string[] args, ProcIo io)
    {
        string? name = null;
        var persist = false;
        var vnet = false;
        var interfaces = new List<string>();
        foreach (var a in args)
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? a : a[..eq];
            var value = eq < 0 ? null : a[(eq + 1)..];
            switch (key)
            {
                case "name" when value is not null:
                    name = value;
                    break;
                case "persist" when value is null:
                    persist = true;
                    break;
                case "nopersist" when value is null:
                    persist = false;
                    break;
                case "vnet" when value is null or "new":
                    vnet = true;
                    break;
                case "vnet" when value == "inherit":
                    vnet = false;
                    break;
                case "vnet.interface" when !string.IsNullOrEmpty(value):
                    interfaces.Add(value);
                    break;
                default:
                    if (!Ignored.Contains(key))
                    {
                        return io.Fail($"jail: unknown parameter: {key}", Errno.ENOENT);
                    }

                    break;
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            io.Err("jail: create: missing parameter: name");
            io.Errno = Errno.Name(Errno.EINVAL);
            return 1;
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return io.Fail("jail: name cannot be numeric (unless it is the jid)", Errno.EINVAL);
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            // A dotted name is a child of the jail named before the last dot; the model has no hierarchy.
            var parent = name[..name.LastIndexOf('.')];
            return io.Fail($"jail: jail \"{parent}\" not found", Errno.ENOENT);
        }

        if (name.Length > 255)
        {
            return io.Fail("jail: name too long", Errno.ENAMETOOLONG);
        }

        if (interfaces.Count > 0 && !vnet)
        {
            return io.Fail("jail: vnet.interface: requires vnet", Errno.EINVAL);
        }

        int error;
        ulong pr;
        using (Syscalls.Enter(td, "sys_jail_set"))
        {
            (error, _, pr) = await KernJail.kern_jail_set(td, name, persist, vnet);
        }

        if (error == Errno.EEXIST)
        {
            return io.Fail($"jail: jail \"{name}\" already exists", error);
        }

        if (error != 0)
        {
            return io.Fail($"jail: {name}: {Errno.Text(error)}", error);
        }

        foreach (var ifname in interfaces)
        {
            // jail(8) runs "ifconfig X vnet J" for each interface; a failure removes the new jail.
            var ifp = await (await td.Vnet(td.CurVnet)).FindByName(ifname);
            var moved = ifp == 0
                ? Errno.ENXIO
                : await Syscalls.Ioctl(td, Syscalls.SIOCSIFVNET, () => IfNet.if_vmove_loan(td, ifp, name));
            if (moved != 0)
            {
                io.Err(ifp == 0 ? $"ifconfig: interface {ifname} does not exist"
                    : $"ifconfig: SIOCSIFVNET: {Errno.Text(moved)}");
                io.Err($"jail: {name}: /sbin/ifconfig {ifname} vnet {name}: failed");
                using (Syscalls.Enter(td, "sys_jail_remove"))
                {
                    await KernJail.prison_remove_one(td, pr);
                }

                io.Errno = Errno.Name(moved);
                return 1;
            }
        }

        io.Out($"{name}: created");
        return 0;
    }

    private static async Task<int> Remove(KThread td, string jail, ProcIo io)
    {
        int error;
        using (Syscalls.Trap(td))
        {
            error = await KernJail.sys_jail_remove(td, jail);
        }

        if (error != 0)
        {
            return io.Fail($"jail: \"{jail}\" not found", error);
        }

        io.Out($"{jail}: removed");
        return 0;
    }
}
