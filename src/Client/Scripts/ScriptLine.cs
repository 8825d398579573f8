namespace JailCluster.Client.Scripts;

/// <summary>One parsed line of a jailctl script.</summary>
public sealed record ScriptLine
{
    /// <summary>The script's path as given.</summary>
    public required string File { get; init; }

    /// <summary>The line number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>What the line does.</summary>
    public required ScriptLineKind Kind { get; init; }

    /// <summary>The host it runs on (null only for <c>wait</c>).</summary>
    public string? Host { get; init; }

    /// <summary>The command line, without <c>-H NAME</c> and <c>&amp;</c>.</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];

    /// <summary>True when the line ends in <c>&amp;</c> and runs alongside what follows.</summary>
    public bool Background { get; init; }

    /// <summary>The bound of a <c>settle</c> line, in seconds.</summary>
    public int SettleSeconds { get; init; }

    /// <summary><c>FILE:LINE</c>, for messages.</summary>
    public string Where => $"{File}:{Number}";
}
