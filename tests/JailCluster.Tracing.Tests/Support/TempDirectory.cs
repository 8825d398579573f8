namespace JailCluster.Tracing.Tests.Support;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jc-tracing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public IEnumerable<string> Files(string pattern) => Directory.EnumerateFiles(Path, pattern);

    public void Dispose()
    {
        // JC_KEEP_TEST_TRACES=1 leaves the files for inspection.
        if (Directory.Exists(Path) && Environment.GetEnvironmentVariable("JC_KEEP_TEST_TRACES") != "1")
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
