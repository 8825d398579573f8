namespace JailCluster.Client.Commands;

using JailCluster.Client.Cli;
using JailCluster.Client.Scripts;

/// <summary><c>jailctl [-H HOST] run FILE</c>: runs a script of FreeBSD command lines.</summary>
public static class RunCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(CommandContext context, string? host, IReadOnlyList<string> args)
    {
        var options = ArgReader.Parse("run", args, [], []);
        options.ExpectPositionals(1, "[-H HOST] run FILE");
        var file = options.Positionals[0];
        if (host is not null)
        {
            HostAccess.ValidateName(host);
        }

        // Parse the whole file first: a syntax error on line 9 must not leave lines 1-8 half done.
        var lines = ScriptParser.ParseFile(file, host);
        context.HandlesInterrupt = true;
        await using var connection = await context.ConnectAsync();
        return await new ScriptRunner(context, connection.Client).RunAsync(file, lines);
    }
}
