namespace JailCluster.Kernel.Usr;

using JailCluster.Kernel.Kern;

/// <summary>The programs a simulated host can run, by name, as <c>execve</c> would find them.</summary>
public static class Userland
{
    /// <summary>Runs a program in the calling process.</summary>
    public static Task<int> Exec(KThread td, IReadOnlyList<string> argv, ProcIo io, IProcess proc)
    {
        var name = Path.GetFileName(argv[0]);
        var args = argv.Skip(1).ToArray();
        return name switch
        {
            "ifconfig" => Ifconfig.Main(td, args, io, proc),
            "jail" => Jail.Main(td, args, io),
            "jls" => Jls.Main(td, args, io),
            "jexec" => Jexec.Main(td, args, io, proc),
            "sysctl" => Sysctl.Main(td, args, io),
            "procstat" => Procstat.Main(td, args, io),
            "fpwait" => Fpwait.Main(td, args, io),
            "dmesg" => Dmesg(td, io),
            _ => Task.FromResult(NotFound(name, io)),
        };
    }

    private static int NotFound(string name, ProcIo io)
    {
        io.Err($"sh: {name}: not found");
        return 127;
    }

    private static async Task<int> Dmesg(KThread td, ProcIo io)
    {
        foreach (var line in await td.K.Kernel.Dmesg())
        {
            io.Out(line);
        }

        return 0;
    }
}
