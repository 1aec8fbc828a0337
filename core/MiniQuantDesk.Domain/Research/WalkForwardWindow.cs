namespace MiniQuantDesk.Domain.Research;

/// <summary>One step of a walk-forward: optimise on [TrainFrom, TrainTo], test on [TestFrom, TestTo] (New York session dates, inclusive). TestFrom is after TrainTo.</summary>
public sealed record WalkForwardWindow(int Index, DateOnly TrainFrom, DateOnly TrainTo, DateOnly TestFrom, DateOnly TestTo);
