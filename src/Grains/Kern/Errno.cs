namespace JailCluster.Kernel;

/// <summary>The errno values the model returns, with FreeBSD's numbers, names and strerror texts.</summary>
public static class Errno
{
    /// <summary>Operation not permitted.</summary>
    public const int EPERM = 1;

    /// <summary>No such file or directory.</summary>
    public const int ENOENT = 2;

    /// <summary>No such process.</summary>
    public const int ESRCH = 3;

    /// <summary>Device not configured.</summary>
    public const int ENXIO = 6;

    /// <summary>Device busy.</summary>
    public const int EBUSY = 16;

    /// <summary>File exists.</summary>
    public const int EEXIST = 17;

    /// <summary>Invalid argument.</summary>
    public const int EINVAL = 22;

    /// <summary>No space left on device.</summary>
    public const int ENOSPC = 28;

    /// <summary>Operation not supported.</summary>
    public const int EOPNOTSUPP = 45;

    /// <summary>Name too long.</summary>
    public const int ENAMETOOLONG = 63;

    private static readonly Dictionary<int, (string Name, string Text)> Table = new()
    {
        [EPERM] = ("EPERM", "Operation not permitted"),
        [ENOENT] = ("ENOENT", "No such file or directory"),
        [ESRCH] = ("ESRCH", "No such process"),
        [ENXIO] = ("ENXIO", "Device not configured"),
        [EBUSY] = ("EBUSY", "Device busy"),
        [EEXIST] = ("EEXIST", "File exists"),
        [EINVAL] = ("EINVAL", "Invalid argument"),
        [ENOSPC] = ("ENOSPC", "No space left on device"),
        [EOPNOTSUPP] = ("EOPNOTSUPP", "Operation not supported"),
        [ENAMETOOLONG] = ("ENAMETOOLONG", "File name too long"),
    };

    /// <summary>The symbolic name (ENXIO).</summary>
    public static string Name(int errno) => Table.TryGetValue(errno, out var e) ? e.Name : "E" + errno;

    /// <summary>strerror(3).</summary>
    public static string Text(int errno) => Table.TryGetValue(errno, out var e) ? e.Text : "Unknown error: " + errno;

    /// <summary>The errno for a symbolic name or a number, or -1.</summary>
    public static int Parse(string s)
    {
        if (int.TryParse(s, out var n) && n > 0)
        {
            return n;
        }

        foreach (var (k, v) in Table)
        {
            if (string.Equals(v.Name, s, StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        return -1;
    }
}
