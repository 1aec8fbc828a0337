namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// Training and held-out parts of a set of examples, split in time with no look-ahead: the held-out part is
/// every example from <see cref="HeldOutFrom"/> on, and the training part keeps only examples whose OUTCOME
/// bar is before it, so no training label was computed from a held-out bar (examples whose horizon straddles
/// the cut are dropped: <see cref="Purged"/>).
/// </summary>
public sealed record TimeOrderedSplit(IReadOnlyList<TrainingExample> Training, IReadOnlyList<TrainingExample> HeldOut, DateTimeOffset HeldOutFrom, int Purged)
{
    /// <summary>
    /// Cuts at the bar time that leaves about <paramref name="heldOutFraction"/> of the distinct bar times to
    /// the held-out part. Throws when either part would be empty.
    /// </summary>
    public static TimeOrderedSplit Split(IReadOnlyList<TrainingExample> examples, double heldOutFraction)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (!(heldOutFraction > 0 && heldOutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "the held-out fraction must be between 0 and 1 (exclusive)");
        }

        var times = examples.Select(e => e.BarStart).Distinct().Order().ToList();
        var cut = (int)Math.Floor(times.Count * (1 - heldOutFraction));
        if (times.Count < 2 || cut <= 0 || cut >= times.Count)
        {
            throw new ArgumentException($"{examples.Count} examples over {times.Count} bar times cannot be split into a training and a held-out part");
        }

        var from = times[cut];
        var heldOut = examples.Where(e => e.BarStart >= from).ToList();
        var training = examples.Where(e => e.OutcomeBarStart < from).ToList();
        var purged = examples.Count - heldOut.Count - training.Count;
        if (training.Count == 0)
        {
            throw new ArgumentException($"no training example ends before the held-out part starts at {from:O}");
        }

        return new TimeOrderedSplit(training, heldOut, from, purged);
    }
}
