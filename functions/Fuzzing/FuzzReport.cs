using System.Globalization;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>The campaign's figures per entry point, printed as a table with the findings below it.</summary>
public sealed record FuzzReport(ulong Seed, IReadOnlyList<FuzzTally> EntryPoints, TimeSpan Elapsed, int HandlerRestarts)
{
    public long Inputs => EntryPoints.Sum(e => e.Inputs);

    public long Crashes => EntryPoints.Sum(e => e.Crashes) + HandlerRestarts;

    public long StateChanges => EntryPoints.Sum(e => e.StateChanges);

    public bool Failed => HandlerRestarts > 0 || EntryPoints.Any(e => e.Failed);

    public FuzzTally this[string entryPoint] => EntryPoints.Single(e => e.EntryPoint == entryPoint);

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"fuzz campaign, seed {Seed}: {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s, handler restarts {HandlerRestarts}"));
        output.WriteLine(string.Create(c, $"{"entry point",-28} {"inputs",10} {"accepted",10} {"refused",10} {"crashes",8} {"unclear",8} {"state chg",9} {"checked",9} {"s",7}"));
        foreach (var e in EntryPoints)
        {
            output.WriteLine(string.Create(c, $"{e.EntryPoint,-28} {e.Inputs,10:N0} {e.Accepted,10:N0} {e.Refused,10:N0} {e.Crashes,8} {e.Unclear,8} {e.StateChanges,9} {e.StateChecked,9:N0} {e.Elapsed.TotalSeconds,7:0.0}"));
        }

        foreach (var e in EntryPoints.Where(e => e.Findings.Count > 0))
        {
            foreach (var f in e.Findings)
            {
                output.WriteLine($"  [{e.EntryPoint}] {f.Kind}: {f.Detail}");
                output.WriteLine($"      input: {f.Input}");
            }
        }

        output.WriteLine(Failed ? "FAILED: crashes, unclear errors or state changed by refused input (see above)" : "OK: no crash, every refusal clear, no state changed by a refused input");
    }
}
