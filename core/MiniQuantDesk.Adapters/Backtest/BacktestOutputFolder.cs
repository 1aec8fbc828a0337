using System.Text;

namespace MiniQuantDesk.Adapters.Backtest;

/// <summary>
/// Writes a run's files all-or-nothing: everything goes to a hidden temporary folder beside the target,
/// which is then moved into place (replacing an older run's folder). A failure half-way deletes the
/// temporary folder and leaves the target as it was.
/// </summary>
public static class BacktestOutputFolder
{
    /// <summary>Writes <paramref name="files"/> (name → text) and whatever <paramref name="extra"/> writes into the folder, then moves it to <paramref name="target"/>.</summary>
    public static void Write(string target, IReadOnlyDictionary<string, string> files, Action<string>? extra = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(files);
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"--out {target} has no parent folder", nameof(target));
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(full);
        var temp = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var (file, text) in files)
            {
                File.WriteAllText(Path.Combine(temp, file), text, new UTF8Encoding(false));
            }

            extra?.Invoke(temp);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }

            Directory.Move(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            if (Directory.Exists(old) && !Directory.Exists(full))
            {
                Directory.Move(old, full);
            }

            throw;
        }

        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
