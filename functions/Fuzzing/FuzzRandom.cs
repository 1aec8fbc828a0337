using CsCheck;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// One seeded stream of draws: CsCheck generators and plain choices read the same PCG, so a campaign's
/// seed and an entry point's stream number reproduce every input exactly.
/// </summary>
public sealed class FuzzRandom(ulong seed, uint stream)
{
    private readonly PCG _pcg = new(stream, seed);

    public T Draw<T>(Gen<T> gen) => gen.Generate(_pcg, null, out _);

    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)_pcg.Next((uint)maxExclusive);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
