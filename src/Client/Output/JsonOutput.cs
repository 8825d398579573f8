namespace JailCluster.Client.Output;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The one JSON shape jailctl writes and reads: camelCase, indented, enums by name.</summary>
public static class JsonOutput
{
    /// <summary>Serializer options for everything jailctl prints or stores.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The value as indented JSON.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The value read from a file, or null when the file does not exist.</summary>
    public static T? ReadFile<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options);
    }

    /// <summary>Writes the value to a file atomically (write, then rename).</summary>
    public static void WriteFile<T>(string path, T value)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Serialize(value) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
