using System.Globalization;
using JailCluster.Bench.AllocShare;

// Shares of a gc-verbose trace's sampled allocations: by type, by the allocating site in our code, and by the frames
// on their stacks. Usage, with a trace from `PROFILE=gc-verbose bash bench/tools/profile-teardown.sh`:
//   dotnet run -c Release --project bench/tools/AllocShare -- TRACE.nettrace [--top N] [--stacks TYPE] [PATTERN...]
if (AllocShareOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(AllocShareOptions.Usage);
    return 64;
}

if (!File.Exists(options.Trace))
{
    Console.Error.WriteLine($"alloc-share: {options.Trace}: No such file or directory");
    return 1;
}

AllocationProfile profile;
try
{
    profile = AllocationProfile.Read(options.Trace, options.Patterns, options.StacksOf);
}
catch (Exception e)
    when (e is FormatException or IOException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"alloc-share: {options.Trace}: not a readable trace: {e.Message}");
    return 1;
}

if (profile.Bytes == 0)
{
    Console.Error.WriteLine($"alloc-share: {options.Trace} holds no allocation ticks (was it taken with gc-verbose?)");
    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{profile.Ticks} allocation ticks, {profile.Bytes / (1024.0 * 1024):0.0} MiB sampled"));
Print("by type", profile.ByType, options.Top);
Print($"by allocating site: the innermost frame in {AllocationProfile.OwnCode} code, else the outermost frame",
    profile.BySite, options.Top);
Print("by type and allocating site", profile.ByTypeAndSite, options.Top);
if (options.Patterns.Count > 0)
{
    Print("by frames on the stack (inclusive, so the shares overlap; A&B is a stack with both)",
        profile.ByPattern, options.Patterns.Count);
}

if (options.StacksOf is { } stacksOf)
{
    Print($"stacks of the types named with '{stacksOf}', innermost {AllocationProfile.StackDepth} frames",
        profile.Stacks, Math.Min(options.Top, 8));
}

return 0;

void Print(string title, IReadOnlyDictionary<string, long> shares, int top)
{
    Console.WriteLine();
    Console.WriteLine(title + ":");
    foreach (var (name, bytes) in shares.OrderByDescending(s => s.Value).Take(top))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{100.0 * bytes / profile.Bytes,6:0.0} %  {name}"));
    }
}
