using JailCluster.Tracing.Dashboard;

namespace JailCluster.Tracing.Tests.Support;

/// <summary>
/// One Aspire dashboard for the dashboard tests, on free loopback ports. The test project restores its
/// package, so a missing executable is a failure that says what is missing, not a skip.
/// </summary>
public sealed class AspireDashboardFixture : IAsyncLifetime
{
    private AspireDashboard? dashboard;

    public AspireDashboard Dashboard => dashboard
        ?? throw new InvalidOperationException("The Aspire dashboard fixture did not start.");

    public async Task InitializeAsync()
    {
        var executable = AspireDashboard.FindExecutable() ?? throw new InvalidOperationException(
            $"The Aspire dashboard cannot run here: no executable of {AspireDashboardOptions.PackageId} "
            + "in the NuGet packages folder (restore this test project, or set "
            + $"{AspireDashboardOptions.ExecutableVariable}).");
        dashboard = await AspireDashboard.StartAsync(new AspireDashboardOptions
        {
            ExecutablePath = executable,
            FrontendPort = 0,
            OtlpGrpcPort = 0,
            OtlpHttpPort = 0,
        });
    }

    public async Task DisposeAsync()
    {
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }
    }
}
