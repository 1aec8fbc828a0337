using Azure;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>An order record as stored, with the ETag that any update must present.</summary>
public sealed record StoredOrder(OrderRecord Record, ETag ETag, string? ProtectionJson);
