using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samordna.Tests.Platform.Sms;

/// <summary>
/// A 46elks-like SMS API on a loopback port (HttpListener): records each POST's form fields and Authorization header
/// and answers with the next queued status (200 with a JSON id by default).
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public FakeSmsProvider()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/a1/sms";

    public ConcurrentQueue<ReceivedSms> Received { get; } = new();

    /// <summary>Statuses to answer with, in order; when empty, 200.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    public sealed record ReceivedSms(string Path, string? Authorization, string ContentType, IReadOnlyDictionary<string, string> Fields);

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var fields = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
            Received.Enqueue(new ReceivedSms(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"],
                context.Request.ContentType ?? "", fields));
            var status = Answers.TryDequeue(out var queued) ? queued : HttpStatusCode.OK;
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            var answer = status == HttpStatusCode.OK
                ? $$"""{"status":"created","id":"s{{Received.Count}}fake","to":"{{fields.GetValueOrDefault("to")}}"}"""
                : """{"error":"nope"}""";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }
        stopping.Dispose();
    }
}
