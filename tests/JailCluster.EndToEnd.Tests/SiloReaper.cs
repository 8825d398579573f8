namespace JailCluster.EndToEnd.Tests;

using System.Diagnostics;
using System.Text.Json;

/// <summary>
/// Kills, by pid, every silo a state directory knows of that is still running: the last line of cleanup.
/// </summary>
public static class SiloReaper
{
    /// <summary>The pids of the silos that <paramref name="home"/> records.</summary>
    public static IReadOnlyList<int> RecordedPids(string home)
    {
        var pids = new HashSet<int>();
        var silos = System.IO.Path.Combine(home, "silos");
        if (Directory.Exists(silos))
        {
            foreach (var file in Directory.GetFiles(silos, "*.json"))
            {
                AddPid(pids, file, root => root);
            }
        }

        var cluster = System.IO.Path.Combine(home, "cluster.json");
        if (File.Exists(cluster))
        {
            AddPids(pids, cluster);
        }

        return [.. pids];
    }

    /// <summary>
    /// True when <paramref name="pid"/> is a running process (not a thread) of a JailCluster silo whose state
    /// directory is <paramref name="home"/>: pids wrap quickly here, so nothing else is ever killed.
    /// </summary>
    public static bool IsSilo(int pid, string home)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return false;
            }

            var tgid = File.ReadLines($"/proc/{pid}/status")
                .First(l => l.StartsWith("Tgid:", StringComparison.Ordinal));
            if (tgid[5..].Trim() != pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }

            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var state = Array.IndexOf(args, "--state-dir");
            return args.Any(a => a.EndsWith("JailCluster.Silo.dll", StringComparison.Ordinal))
                && state >= 0 && state + 1 < args.Length
                && System.IO.Path.GetFullPath(args[state + 1]) == System.IO.Path.GetFullPath(home);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Kills every recorded silo that still runs.</summary>
    public static void Reap(string home)
    {
        foreach (var pid in RecordedPids(home).Where(pid => IsSilo(pid, home)))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static void AddPids(HashSet<int> pids, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("silos", out var silos))
            {
                foreach (var silo in silos.EnumerateArray())
                {
                    if (silo.TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var value))
                    {
                        pids.Add(value);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A damaged file names no pid.
        }
        catch (IOException)
        {
            // Removed meanwhile.
        }
    }

    private static void AddPid(HashSet<int> pids, string file, Func<JsonElement, JsonElement> select)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (select(document.RootElement).TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var value))
            {
                pids.Add(value);
            }
        }
        catch (JsonException)
        {
            // A half-written file names no pid.
        }
        catch (IOException)
        {
            // Removed meanwhile.
        }
    }
}
