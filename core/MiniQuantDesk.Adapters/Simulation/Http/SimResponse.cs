using System.Buffers;
using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>An answer built under the exchange's lock (a byte snapshot), written to the wire after it is released.</summary>
internal sealed record SimResponse(int Status, byte[]? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static readonly SimResponse NoContent = new(204, null);

    public static SimResponse Json(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new SimResponse(status, buffer.WrittenSpan.ToArray());
    }

    public static SimResponse Error(SimError error) => Json(error.Status, w => AlpacaWire.Error(w, error));

    public static SimResponse Invalid(string message) => Error(SimError.Invalid(message));

    public static SimResponse NotFound(string message) => Error(SimError.NotFound(message));
}
