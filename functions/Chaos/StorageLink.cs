using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The network between the desk and its storage, as a loopback TCP relay in front of each Azurite port, so the
/// campaign can cut it: every open connection is reset at once (a request already relayed to Azurite is applied
/// but its answer never arrives — the ambiguous write a real network gives), and new connections are reset until
/// the cut heals. Far cheaper than stopping Azurite (~2 s a cycle), so it can be pulled thousands of times.
/// </summary>
public sealed class StorageLink : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private readonly List<(TcpListener Listener, int Upstream, Task Accepting)> _lanes = [];
    private readonly ConcurrentDictionary<Relay, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private long _healsAt;
    private int _cuts;
    private int _severed;
    private int _refused;

    private StorageLink()
    {
    }

    /// <summary>Cuts pulled so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>Connections that were open when a cut came (each possibly a request in flight).</summary>
    public int Severed => Volatile.Read(ref _severed);

    /// <summary>Connections attempted while the link was cut, reset at once.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Starts a relay on a free loopback port for each of <paramref name="upstreamPorts"/>.</summary>
    public static StorageLink Start(params int[] upstreamPorts)
    {
        var link = new StorageLink();
        foreach (var upstream in upstreamPorts)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(512);
            link._lanes.Add((listener, upstream, link.AcceptAsync(listener, upstream)));
        }

        return link;
    }

    /// <summary>The relay's port for an upstream (Azurite) port.</summary>
    public int PortFor(int upstream) =>
        ((IPEndPoint)_lanes.Single(l => l.Upstream == upstream).Listener.LocalEndpoint).Port;

    /// <summary>Resets every open connection and refuses new ones for <paramref name="outage"/>; returns how many were severed.</summary>
    public int Cut(TimeSpan outage)
    {
        var heals = Stopwatch.GetTimestamp() + (long)(outage.TotalSeconds * Stopwatch.Frequency);
        Interlocked.Exchange(ref _healsAt, Math.Max(Volatile.Read(ref _healsAt), heals));
        Interlocked.Increment(ref _cuts);
        var severed = 0;
        foreach (var relay in _open.Keys)
        {
            if (_open.TryRemove(relay, out _))
            {
                relay.Reset();
                severed++;
            }
        }

        Interlocked.Add(ref _severed, severed);
        return severed;
    }

    private bool IsCut => Stopwatch.GetTimestamp() < Volatile.Read(ref _healsAt);

    private async Task AcceptAsync(TcpListener listener, int upstream)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client, upstream));
        }
    }

    private async Task RelayAsync(Socket client, int upstream)
    {
        if (IsCut)
        {
            Interlocked.Increment(ref _refused);
            Relay.ResetSocket(client);
            return;
        }

        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            connect.CancelAfter(ConnectTimeout);
            await server.ConnectAsync(IPAddress.Loopback, upstream, connect.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Azurite itself is down (a restart) or the link is closing: the desk sees what it would see without the relay, a reset.
            Relay.ResetSocket(client);
            server.Dispose();
            return;
        }

        var relay = new Relay(client, server);
        _open[relay] = 0;
        if (IsCut && _open.TryRemove(relay, out _))
        {
            relay.Reset(); // a cut came while this one connected
            return;
        }

        await relay.RunAsync();
        _open.TryRemove(relay, out _);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (listener, _, accepting) in _lanes)
        {
            listener.Stop();
            await accepting;
        }

        foreach (var relay in _open.Keys)
        {
            relay.Reset();
        }

        _stop.Dispose();
    }

    /// <summary>One client connection and its upstream twin, bytes pumped both ways until either side ends.</summary>
    private sealed class Relay(Socket client, Socket server)
    {
        public async Task RunAsync()
        {
            var up = PumpAsync(client, server);
            var down = PumpAsync(server, client);
            await Task.WhenAll(up, down);
            client.Dispose();
            server.Dispose();
        }

        public void Reset()
        {
            ResetSocket(client);
            ResetSocket(server);
        }

        /// <summary>Closes with linger 0: the peer gets an RST, not an orderly end.</summary>
        public static void ResetSocket(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }

            socket.Dispose();
        }

        private static async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        to.Shutdown(SocketShutdown.Send);
                        return;
                    }

                    var sent = 0;
                    while (sent < read)
                    {
                        sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // A reset on either side ends both directions.
                ResetSocket(from);
                ResetSocket(to);
            }
        }
    }
}
