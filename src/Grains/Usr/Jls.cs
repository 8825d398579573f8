namespace JailCluster.Kernel.Usr;

using System.Globalization;
using System.Text.Json;
using JailCluster.Kernel.Kern;

/// <summary>usr.sbin/jls.</summary>
public static class Jls
{
    /// <summary>jls [-d] [--libxo json]</summary>
    public static async Task<int> Main(KThread td, string[] args, ProcIo io)
    {
        var dying = false;
        var json = io.WantsJson;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-d":
                    dying = true;
                    break;
                case "--libxo=json":
                    json = true;
                    break;
                case "--libxo" when i + 1 < args.Length && args[i + 1] == "json":
                    json = true;
                    i++;
                    break;
                default:
                    io.Err("usage: jls [-dhNnqv] [-j jail] [param ...]");
                    return 64;
            }
        }

        var rows = new List<(PrisonEntry Entry, PrisonView View)>();
        foreach (var p in await td.K.Kernel.Prisons())
        {
            if (p.Dying && !dying)
            {
                continue;
            }

            rows.Add((p, await td.K.Prison(p.Address).Read()));
        }

        if (json)
        {
            var doc = new Dictionary<string, object>
            {
                ["__version"] = "2",
                ["jail-information"] = new Dictionary<string, object>
                {
                    ["jail"] = rows.Select(r => new Dictionary<string, object>
                    {
                        ["jid"] = r.Entry.Jid,
                        ["name"] = r.Entry.Name,
                        ["hostname"] = r.Entry.Name,
                        ["path"] = "/",
                        ["dying"] = r.Entry.Dying,
                        ["vnet"] = r.View.Vnet != 0 ? "new" : "inherit",
                        ["persist"] = r.View.Persist,
                        ["processes"] = r.View.Procs.Count,
                    }).ToArray(),
                },
            };
            io.Json = JsonSerializer.Serialize(doc);
            if (!io.WantsJson)
            {
                io.Out(io.Json);
            }

            return 0;
        }

        io.Out("   JID  IP Address      Hostname                      Path");
        foreach (var (entry, _) in rows)
        {
            io.Out(string.Create(CultureInfo.InvariantCulture,
                $"{entry.Jid,6}  {"",-15} {Clip(entry.Name, 29),-29} /"));
        }

        return 0;
    }

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..n];
}
