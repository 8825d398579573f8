namespace JailCluster.Kernel.Kern;

using System.Text;

/// <summary>A process's standard output and error, and its machine-readable output when asked for.</summary>
public sealed class ProcIo(bool json)
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    /// <summary>Whether the caller asked for JSON.</summary>
    public bool WantsJson { get; } = json;

    /// <summary>The JSON document, when the command produced one.</summary>
    public string? Json { get; set; }

    /// <summary>The errno behind a failure, by name.</summary>
    public string? Errno { get; set; }

    /// <summary>Standard output so far.</summary>
    public string Stdout => _out.ToString();

    /// <summary>Standard error so far.</summary>
    public string Stderr => _err.ToString();

    /// <summary>Writes a line to standard output.</summary>
    public void Out(string line) => _out.Append(line).Append('\n');

    /// <summary>Writes a line to standard error.</summary>
    public void Err(string line) => _err.Append(line).Append('\n');

    /// <summary>Writes a line to standard error, records the errno, and returns exit status 1.</summary>
    public int Fail(string line, int errno)
    {
        Err(line);
        Errno = Kernel.Errno.Name(errno);
        return 1;
    }
}
