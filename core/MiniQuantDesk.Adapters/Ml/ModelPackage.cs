using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>A model as stored: its card and, for a trained model, the ML.NET model file (zip bytes).</summary>
public sealed record ModelPackage(ModelCard Card, byte[]? Model);
