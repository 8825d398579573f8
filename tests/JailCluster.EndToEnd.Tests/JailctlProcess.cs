namespace JailCluster.EndToEnd.Tests;

using System.Diagnostics;
using System.Text;

/// <summary>A running jailctl: its output is read as it comes, and its result is there once it exits.</summary>
public sealed class JailctlProcess : IDisposable
{
    private readonly Process process;
    private readonly string commandLine;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;
    private readonly StringBuilder errorSoFar = new();

    internal JailctlProcess(Process process, string commandLine, Action<string>? onError)
    {
        this.process = process;
        this.commandLine = commandLine;
        process.StandardInput.Close();
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = ReadLinesAsync(process.StandardError, line =>
        {
            lock (errorSoFar)
            {
                errorSoFar.Append(line).Append('\n');
            }

            onError?.Invoke(line);
        });
    }

    /// <summary>Waits for the exit; after <paramref name="timeout"/>, kills the process and fails the test.</summary>
    public async Task<JailctlResult> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            string said;
            lock (errorSoFar)
            {
                said = errorSoFar.ToString();
            }

            Assert.Fail(
                $"jailctl {commandLine} did not finish within {timeout.TotalSeconds:0} s; stderr so far:\n{said}");
        }

        return new JailctlResult(process.ExitCode, await stdout, await stderr, commandLine);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static async Task<string> ReadLinesAsync(StreamReader reader, Action<string> onLine)
    {
        var all = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            all.Append(line).Append('\n');
            onLine(line);
        }

        return all.ToString();
    }
}
