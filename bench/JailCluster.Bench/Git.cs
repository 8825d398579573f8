namespace JailCluster.Bench;

using System.Diagnostics;

/// <summary>The commit being measured.</summary>
public static class Git
{
    /// <summary><c>git rev-parse HEAD</c>, with <c>-dirty</c> when the work tree has changes; <c>unknown</c> without git.</summary>
    public static string Describe()
    {
        var head = Run("rev-parse", "HEAD");
        if (head is null)
        {
            return "unknown";
        }

        var status = Run("status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "-dirty";
    }

    private static string? Run(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
