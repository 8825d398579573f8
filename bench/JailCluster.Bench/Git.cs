namespace JailCluster.Bench;

/// <summary>The commit being measured.</summary>
public static class Git
{
    /// <summary>
    /// <c>git rev-parse HEAD</c>, with <c>-dirty</c> when the work tree has changes; <c>unknown</c> without git.
    /// </summary>
    public static async Task<string> DescribeAsync()
    {
        var head = await RunAsync("rev-parse", "HEAD");
        if (head is null)
        {
            return "unknown";
        }

        var status = await RunAsync("status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "-dirty";
    }

    private static async Task<string?> RunAsync(params string[] args) =>
        await ToolProcess.RunAsync("git", args) is (0, var stdout, _) ? stdout.Trim() : null;
}
