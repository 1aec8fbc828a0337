namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>The host (or something pretending to be it) sent a body we cannot read; nothing was changed.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
