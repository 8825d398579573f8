namespace JailCluster.Client.Tests;

using JailCluster.Client.Cli;
using JailCluster.Client.Scripts;

public sealed class ScriptParserTests
{
    [Fact]
    public void LinesRunOnTheDefaultHostUnlessTheyNameOne()
    {
        var lines = ScriptParser.Parse("s.jc", ["jls", "-H beta jls -d", "", "# only a comment"], "alpha");

        Assert.Equal(2, lines.Count);
        Assert.Equal(("alpha", 1), (lines[0].Host, lines[0].Number));
        Assert.Equal(("beta", 2), (lines[1].Host, lines[1].Number));
        Assert.Equal(["jls", "-d"], lines[1].Argv);
    }

    [Fact]
    public void TrailingAmpersandRunsInTheBackgroundAndWaitWaits()
    {
        var lines = ScriptParser.Parse(
            "s.jc", ["jail -r alcatraz &", "ifconfig epair0a destroy &", "wait", "check", "settle 5"], "alpha");

        Assert.True(lines[0].Background);
        Assert.Equal(["jail", "-r", "alcatraz"], lines[0].Argv);
        Assert.True(lines[1].Background);
        Assert.Equal(ScriptLineKind.Wait, lines[2].Kind);
        Assert.Equal(ScriptLineKind.Check, lines[3].Kind);
        Assert.Equal((ScriptLineKind.Settle, 5), (lines[4].Kind, lines[4].SettleSeconds));
    }

    [Fact]
    public void CommentsAndQuotesSplitAsShDoes()
    {
        var lines = ScriptParser.Parse(
            "s.jc",
            ["jail -c 'name=a b' \"persist\" # trailing comment", "sysctl debug.fail_point.a3=pause#not-a-comment"],
            "h");

        Assert.Equal(["jail", "-c", "name=a b", "persist"], lines[0].Argv);
        Assert.Equal(["sysctl", "debug.fail_point.a3=pause#not-a-comment"], lines[1].Argv);
    }

    [Theory]
    [InlineData("jail -c \"name=x", "s.jc:1: syntax error: unterminated double quote")]
    [InlineData("-H", "s.jc:1: syntax error: -H needs a host name")]
    [InlineData("-Hbeta jls", "s.jc:1: syntax error: write '-H NAME' with a space, not '-Hbeta'")]
    [InlineData("jls & jls", "s.jc:1: syntax error: '&' may only end a line")]
    [InlineData("wait &", "s.jc:1: syntax error: 'wait' takes no arguments and cannot run in the background")]
    [InlineData("-H beta", "s.jc:1: syntax error: missing command")]
    [InlineData("settle soon", "s.jc:1: syntax error: usage: settle [SECONDS] (SECONDS from 1 to 3600)")]
    public void SyntaxErrorsNameFileAndLine(string line, string message)
    {
        var error = Assert.Throws<JailctlException>(() => ScriptParser.Parse("s.jc", [line], "alpha"));
        Assert.Equal(message, error.Message);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
    }

    [Fact]
    public void LineWithoutHostIsAnErrorWhenNoDefaultIsGiven()
    {
        var error = Assert.Throws<JailctlException>(() => ScriptParser.Parse("s.jc", ["-H a jls", "", "jls"], null));
        Assert.StartsWith("s.jc:3: no host for 'jls'", error.Message, StringComparison.Ordinal);
    }
}
