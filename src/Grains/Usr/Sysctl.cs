namespace JailCluster.Kernel.Usr;

using System.Text.Json;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Kern;

/// <summary>sbin/sysctl: the fail points, and a few read-only OIDs.</summary>
public static class Sysctl
{
    private const string FailPrefix = "debug.fail_point.";

    /// <summary>sysctl [-n] name[=value] ...</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io)
    {
        var valueOnly = false;
        var names = new List<string>();
        foreach (var a in args)
        {
            if (a == "-n")
            {
                valueOnly = true;
            }
            else if (a.StartsWith('-'))
            {
                io.Err("usage: sysctl [-n] name[=value] ...");
                return 64;
            }
            else
            {
                names.Add(a);
            }
        }

        if (names.Count == 0)
        {
            io.Err("usage: sysctl [-n] name[=value] ...");
            return 64;
        }

        var views = new List<object>();
        var code = 0;
        foreach (var arg in names)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var oid = eq < 0 ? arg : arg[..eq];
            var value = eq < 0 ? null : arg[(eq + 1)..];
            if (oid == "debug.fail_point" && value is null)
            {
                foreach (var fp in FailPointNames.All)
                {
                    var v = await td.K.Kernel.GetFailPoint(fp);
                    views.Add(v);
                    Print(io, v, valueOnly);
                }

                continue;
            }

            if (oid.StartsWith(FailPrefix, StringComparison.Ordinal)
                && FailPointNames.IsKnown(oid[FailPrefix.Length..]))
            {
                var fp = oid[FailPrefix.Length..];
                if (value is null)
                {
                    var v = await td.K.Kernel.GetFailPoint(fp);
                    views.Add(v);
                    Print(io, v, valueOnly);
                    continue;
                }

                var (old, error) = await td.K.Kernel.SetFailPoint(fp, value);
                if (error is not null)
                {
                    code = io.Fail($"sysctl: {oid}={value}: {Errno.Text(Errno.EINVAL)} ({error})", Errno.EINVAL);
                    continue;
                }

                var now = (await td.K.Kernel.GetFailPoint(fp)).Setting;
                io.Out(valueOnly ? now : $"{oid}: {old} -> {now}");
                continue;
            }

            var readOnly = oid switch
            {
                "kern.osrelease" => Release(td.K.Boot.Options.Kernel),
                "kern.hostname" => td.K.Boot.Host,
                "kern.features.invariants" => td.K.Invariants ? "1" : null,
                _ => null,
            };
            if (readOnly is null)
            {
                code = io.Fail($"sysctl: unknown oid '{oid}'", Errno.ENOENT);
                continue;
            }

            if (value is not null)
            {
                code = io.Fail($"sysctl: oid '{oid}' is read only", Errno.EPERM);
                continue;
            }

            io.Out(valueOnly ? readOnly : $"{oid}: {readOnly}");
        }

        if (io.WantsJson && views.Count > 0)
        {
            io.Json = JsonSerializer.Serialize(views);
        }

        return code;
    }

    private static void Print(ProcIo io, FailPointView v, bool valueOnly)
    {
        if (valueOnly)
        {
            io.Out(v.Setting);
            return;
        }

        io.Out($"{FailPrefix}{v.Name}: {v.Setting}");
        if (v.Fired > 0 || v.Paused.Count > 0)
        {
            var paused = v.Paused.Count == 0
                ? "none"
                : string.Join(", ", v.Paused.Select(p => $"{p.Thread} (pid {p.Pid}, tid {p.Tid})"));
            io.Out($"{FailPrefix}status_{v.Name}: fired {v.Fired}; paused: {paused}");
        }
    }

    private static string Release(string kernel) => kernel switch
    {
        "12.1" => "12.1-RELEASE",
        _ => "13.0-CURRENT (" + kernel + ")",
    };
}
