using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JailCluster.Tracing.Dashboard;

/// <summary>
/// A standalone Aspire dashboard (the executable in the <c>Aspire.Dashboard.Sdk.linux-x64</c> NuGet package)
/// running as a child process on 127.0.0.1, with anonymous access: a trace viewer for the cluster's live
/// spans (point <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> at <see cref="OtlpGrpcEndpoint"/>) or for recorded trace
/// files (<see cref="TraceReplayer"/> to <see cref="OtlpHttpEndpoint"/>). Disposing it stops the process.
/// </summary>
public sealed class AspireDashboard : IAsyncDisposable, IDisposable
{
    private const int OutputLines = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private AspireDashboard(Process process, ConcurrentQueue<string> output, Uri url, Uri otlpHttp, Uri otlpGrpc)
    {
        this.process = process;
        this.output = output;
        Url = url;
        OtlpHttpEndpoint = otlpHttp;
        OtlpGrpcEndpoint = otlpGrpc;
        ProcessId = process.Id;
    }

    /// <summary>The dashboard's pages (traces under <c>/traces</c>) and API (<c>/api/telemetry</c>).</summary>
    public Uri Url { get; }

    /// <summary>Base of the OTLP/HTTP endpoint; traces go to <c>/v1/traces</c> under it.</summary>
    public Uri OtlpHttpEndpoint { get; }

    /// <summary>The OTLP/gRPC endpoint, the value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri OtlpGrpcEndpoint { get; }

    /// <summary>The dashboard process.</summary>
    public int ProcessId { get; }

    /// <summary>True while the dashboard process runs.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>The last lines the dashboard printed, for diagnosing a failed start.</summary>
    public string RecentOutput => string.Join('\n', output);

    /// <summary>
    /// The dashboard executable: <see cref="AspireDashboardOptions.ExecutableVariable"/>, else the one in the
    /// restored NuGet package (<see cref="AspireDashboardOptions.PackageVersion"/> when present, else the
    /// newest version restored), else null. <c>dotnet restore tools/AspireDashboard</c> restores the package.
    /// </summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(AspireDashboardOptions.ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(packages))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            packages = Path.Combine(home, ".nuget", "packages");
        }

        var package = new DirectoryInfo(
            Path.Combine(packages, AspireDashboardOptions.PackageId.ToLowerInvariant()));
        if (!package.Exists)
        {
            return null;
        }

        return package.EnumerateDirectories()
            .OrderByDescending(d => d.Name == AspireDashboardOptions.PackageVersion)
            .ThenByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d.FullName, "tools", "Aspire.Dashboard"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts the dashboard and returns once its pages, its telemetry API and its OTLP/HTTP endpoint answer.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is not valid.</exception>
    /// <exception cref="FileNotFoundException">No dashboard executable was found.</exception>
    /// <exception cref="InvalidOperationException">The dashboard exited or did not answer in time.</exception>
    public static async Task<AspireDashboard> StartAsync(
        AspireDashboardOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new AspireDashboardOptions();
        AspireDashboardOptionsValidator.ThrowIfInvalid(options);
        var executable = options.ExecutablePath ?? FindExecutable()
            ?? throw new FileNotFoundException(
                $"No Aspire dashboard executable: restore the {AspireDashboardOptions.PackageId} package "
                + $"(dotnet restore tools/AspireDashboard) or set {AspireDashboardOptions.ExecutableVariable}.");

        var frontendPort = PortOrFree(options.FrontendPort);
        var grpcPort = PortOrFree(options.OtlpGrpcPort);
        var httpPort = PortOrFree(options.OtlpHttpPort);
        var url = Loopback(frontendPort);
        var otlpHttp = Loopback(httpPort);
        var otlpGrpc = Loopback(grpcPort);

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        Configure(start.Environment, options, url, otlpHttp, otlpGrpc);

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var dashboard = new AspireDashboard(process, output, url, otlpHttp, otlpGrpc);
        try
        {
            await dashboard.WaitUntilReadyAsync(options.StartTimeout, cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the dashboard process (and anything it started) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Stops the dashboard process (and anything it started) and waits for it to exit.</summary>
    public void Dispose()
    {
        Kill();
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>
    /// Sets the dashboard's configuration in its environment: the three loopback addresses, anonymous access
    /// to the pages (<c>Dashboard:Frontend:AuthMode</c>), to OTLP (<c>Dashboard:Otlp:AuthMode</c>) and to the
    /// telemetry API (<c>Dashboard:Api</c>), and plain HTTP. Inherited settings that could add a listener or
    /// send the dashboard's own telemetry somewhere are removed.
    /// </summary>
    private static void Configure(
        IDictionary<string, string?> environment,
        AspireDashboardOptions options,
        Uri url,
        Uri otlpHttp,
        Uri otlpGrpc)
    {
        foreach (var key in environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DASHBOARD__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPIRE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_DASHBOARD_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_RESOURCE_SERVICE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(key);
            }
        }

        environment["ASPNETCORE_URLS"] = Trim(url);
        environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = Trim(otlpGrpc);
        environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Trim(otlpHttp);
        environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        environment["DASHBOARD__FRONTEND__AUTHMODE"] = "Unsecured";
        environment["DASHBOARD__OTLP__AUTHMODE"] = "Unsecured";
        environment["DASHBOARD__API__ENABLED"] = "true";
        environment["DASHBOARD__API__AUTHMODE"] = "Unsecured";
        environment["DASHBOARD__TELEMETRYLIMITS__MAXTRACECOUNT"] =
            options.MaxTraceCount.ToString(CultureInfo.InvariantCulture);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var api = new Uri(Url, "api/telemetry/traces?limit=1");
        var traces = new Uri(OtlpHttpEndpoint, "v1/traces");
        var ready = false;
        while (!ready)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The Aspire dashboard exited with code {process.ExitCode} while starting:\n{RecentOutput}");
            }

            try
            {
                using var apiResponse = await http.GetAsync(api, deadline.Token);
                using var empty = new StringContent("{\"resourceSpans\":[]}", Encoding.UTF8, "application/json");
                using var otlpResponse = await http.PostAsync(traces, empty, deadline.Token);
                ready = apiResponse.IsSuccessStatusCode && otlpResponse.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested
                && !cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"The Aspire dashboard did not answer at {Url} within {timeout}:\n{RecentOutput}");
            }

            if (!ready)
            {
                try
                {
                    await Task.Delay(PollInterval, deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException(
                        $"The Aspire dashboard did not answer at {Url} within {timeout}:\n{RecentOutput}");
                }
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static void Remember(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > OutputLines && output.TryDequeue(out _))
        {
        }
    }

    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        // The port is free when asked; another process could take it before the dashboard binds it,
        // and the dashboard then fails to start with a message saying so.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private static string Trim(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
