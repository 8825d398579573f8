namespace JailCluster.Client.Cli;

using System.Runtime.InteropServices;
using JailCluster.Client.Cluster;
using JailCluster.Client.Commands;
using JailCluster.Tracing.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

/// <summary>jailctl's entry point: global options, dispatch, and turning every failure into one line.</summary>
public static class Jailctl
{
    /// <summary>Set to 1 to print the full exception behind a one-line error.</summary>
    public const string DebugVariable = "JAILCLUSTER_DEBUG";

    /// <summary>Runs one command line against the console.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        CommandContext? context = null;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // Commands that stop cleanly take the first Ctrl-C; a second one, or any other command, ends jailctl.
            if (context?.HandlesInterrupt == true && !interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancel;

        // SIGTERM (a service manager, a test harness, kill) stops a command the way Ctrl-C does.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            if (context?.HandlesInterrupt == true && !interrupt.IsCancellationRequested)
            {
                signal.Cancel = true;
                interrupt.Cancel();
            }
        });
        TracerProvider? tracing = null;
        try
        {
            context = new CommandContext(StateDirectory.FromEnvironment(), Console.Out, Console.Error, interrupt.Token);
            try
            {
                // Client spans (one root per jail teardown) go to the same traces directory as the silos' spans.
                tracing = JailClusterTelemetry.CreateTracerProvider("jailctl");
            }
            catch (OptionsValidationException e)
            {
                Console.Error.WriteLine($"jailctl: tracing: {e.Message}");
                return ExitCodes.Usage;
            }

            return await RunAsync(context, args);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;

            // Writes the last batch, and the spans of traces still undecided to this process's held file.
            tracing?.Dispose();
        }
    }

    /// <summary>
    /// Runs one command line in <paramref name="context"/>; every failure becomes one line on stderr.
    /// </summary>
    public static async Task<int> RunAsync(CommandContext context, IReadOnlyList<string> args)
    {
        try
        {
            return await DispatchAsync(context, args);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"jailctl: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (JailctlException e)
        {
            context.Error.WriteLine($"jailctl: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (context.Interrupt.IsCancellationRequested)
        {
            context.Error.WriteLine("jailctl: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"jailctl: {Describe(e)}");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                context.Error.WriteLine(e.ToString());
            }

            return ExitCodes.Failure;
        }
    }

    private static Task<int> DispatchAsync(CommandContext context, IReadOnlyList<string> args)
    {
        string? host = null;
        var json = false;
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "-H")
            {
                host = i + 1 < args.Count ? args[++i] : throw new UsageException("-H needs a host name");
            }
            else if (arg.StartsWith("-H", StringComparison.Ordinal) && arg.Length > 2)
            {
                host = arg[2..];
            }
            else if (arg == "--json")
            {
                json = true;
            }
            else if (arg is "-h" or "--help")
            {
                context.Out.Write(Usage.Text);
                return Task.FromResult(ExitCodes.Ok);
            }
            else if (arg.StartsWith('-'))
            {
                throw new UsageException($"unknown option {arg}; see 'jailctl help'");
            }
            else
            {
                break;
            }
        }

        var rest = args.Skip(i).ToList();
        if (rest.Count == 0)
        {
            throw new UsageException(
                host is null ? "missing command; see 'jailctl help'" : $"-H {host}: missing command");
        }

        var command = rest[0];
        var tail = rest.Skip(1).ToList();
        if (host is not null)
        {
            HostAccess.ValidateName(host);
            switch (command)
            {
                case "check":
                    return CheckCommand.RunAsync(context, host, tail, json);
                case "run":
                    return RunCommand.RunAsync(context, host, tail);
                case "settle":
                    return SettleCommand.RunAsync(context, host, tail);
                default:
                    // jailctl's own --json may also close the line; no FreeBSD command here takes it.
                    if (rest.Count > 1 && rest[^1] == "--json")
                    {
                        json = true;
                        rest.RemoveAt(rest.Count - 1);
                    }

                    return ExecCommand.RunAsync(context, host, rest, json);
            }
        }

        return command switch
        {
            "cluster" => ClusterCommands.RunAsync(context, tail, json),
            "host" => HostCommands.RunAsync(context, tail, json),
            "run" => RunCommand.RunAsync(context, null, tail),
            "teardown" => TeardownCommand.RunAsync(context, tail, json),
            "panics" => PanicCommands.ListAsync(context, tail, json),
            "panic" => PanicCommands.ShowAsync(context, tail),
            "demo" => DemoCommand.RunAsync(context, tail),
            "trace" => TraceCommand.RunAsync(context, tail),
            "dashboard" => DashboardCommand.RunAsync(context, tail),
            "help" => Help(context),
            "check" => throw new UsageException("check needs a host: jailctl -H HOST check"),
            _ when Usage.FreeBsdCommands.Contains(command) =>
                throw new UsageException($"'{command}' runs on a host: jailctl -H HOST {string.Join(' ', rest)}"),
            _ => throw new UsageException($"unknown command '{command}'; see 'jailctl help'"),
        };
    }

    private static Task<int> Help(CommandContext context)
    {
        context.Out.Write(Usage.Text);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string Describe(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        var message = inner.Message.Split('\n')[0].Trim();
        return inner switch
        {
            TimeoutException => $"the cluster did not answer in time: {message}",
            Orleans.Runtime.SiloUnavailableException => $"a silo went away: {message}",
            _ => message,
        };
    }
}
