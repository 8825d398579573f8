namespace JailCluster.Client.Teardown;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Live progress of a teardown on standard error: a bar redrawn in place on a terminal, one line per phase
/// otherwise (so logs and tests see whole lines).
/// </summary>
public sealed class TeardownProgress : IAsyncDisposable
{
    private const int BarWidth = 24;

    private readonly TextWriter error;
    private readonly bool live;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly Task? renderer;
    private readonly Lock gate = new();
    private string phase = "";
    private int total;
    private int done;
    private int failures;
    private int lastWidth;

    /// <summary>Progress on <paramref name="error"/>; redrawn live when <paramref name="live"/>.</summary>
    public TeardownProgress(TextWriter error, bool live)
    {
        this.error = error;
        this.live = live;
        if (live)
        {
            renderer = RenderLoopAsync();
        }
    }

    /// <summary>Starts a phase of <paramref name="count"/> steps.</summary>
    public void Phase(string name, int count)
    {
        lock (gate)
        {
            FinishLine();
            phase = name;
            total = count;
            done = 0;
        }
    }

    /// <summary>Steps done (one by default).</summary>
    public void Step(int count = 1) => Interlocked.Add(ref done, count);

    /// <summary>One command failed.</summary>
    public void Failure() => Interlocked.Increment(ref failures);

    /// <summary>Ends the current phase with a line saying how it went.</summary>
    public void Done(string summary)
    {
        lock (gate)
        {
            ClearLine();
            error.WriteLine($"teardown: {phase}: {summary} ({Seconds(clock.Elapsed)} s)");
            phase = "";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (renderer is not null)
        {
            await renderer;
        }

        lock (gate)
        {
            ClearLine();
        }

        stop.Dispose();
    }

    private async Task RenderLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                lock (gate)
                {
                    Draw();
                }

                await Task.Delay(100, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Draw()
    {
        if (phase.Length == 0)
        {
            return;
        }

        var count = Volatile.Read(ref done);
        var filled = total == 0 ? 0 : Math.Min(BarWidth, count * BarWidth / total);
        var line = $"{phase,-9} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {count}/{total}  " +
            $"errors {Volatile.Read(ref failures)}  {Seconds(clock.Elapsed)} s";
        error.Write("\r" + line.PadRight(lastWidth));
        lastWidth = line.Length;
        error.Flush();
    }

    private void FinishLine()
    {
        if (live && lastWidth > 0)
        {
            Draw();
            error.WriteLine();
            lastWidth = 0;
        }
    }

    private void ClearLine()
    {
        if (live && lastWidth > 0)
        {
            error.Write("\r" + new string(' ', lastWidth) + "\r");
            lastWidth = 0;
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
