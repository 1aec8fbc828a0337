using System.Text;

namespace MiniQuantDesk.Functions.Diagnostics;

/// <summary>
/// Looks for configured secrets in every file under a folder (logs, Azurite's stored tables, blobs and queue
/// messages): as written, URL-encoded, and base64-encoded at each of the three byte alignments. A hit names the
/// file, the secret's label and the offset, never the secret.
/// </summary>
public static class SecretScan
{
    public sealed record Hit(string File, string Label, string Form, long Offset);

    public sealed record Result(int Files, long Bytes, IReadOnlyList<Hit> Hits);

    public static Result Run(string folder, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var needles = secrets.Where(s => s.Value.Length >= 8)
            .SelectMany(s => Forms(s.Value).Select(f => (Label: s.Key, f.Form, Bytes: f.Bytes)))
            .ToList();
        var hits = new List<Hit>();
        var files = 0;
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // a file still being written by a process that is going away
            }

            files++;
            bytes += content.Length;
            foreach (var (label, form, needle) in needles)
            {
                var at = content.AsSpan().IndexOf(needle);
                if (at >= 0)
                {
                    hits.Add(new Hit(Path.GetRelativePath(folder, file), label, form, at));
                }
            }
        }

        return new Result(files, bytes, hits);
    }

    private static IEnumerable<(string Form, byte[] Bytes)> Forms(string secret)
    {
        var raw = Encoding.UTF8.GetBytes(secret);
        yield return ("as written", raw);
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            yield return ("URL-encoded", Encoding.UTF8.GetBytes(escaped));
        }

        for (var shift = 0; shift < 3; shift++)
        {
            // Base64 of the secret preceded by `shift` bytes: the characters that depend only on the secret's own bytes.
            var encoded = Convert.ToBase64String([.. new byte[shift], .. raw]);
            var start = shift == 0 ? 0 : 4;
            var usable = (shift + raw.Length) / 3 * 4;
            if (usable - start >= 8)
            {
                yield return ("base64", Encoding.ASCII.GetBytes(encoded[start..usable]));
            }
        }
    }
}
